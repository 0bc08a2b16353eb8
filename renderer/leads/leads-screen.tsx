import { useEffect, useRef, useState } from 'react';
import type { LeadRow, LeadSort } from '../../shared/contract/index.js';
import { useDialdeskEvent } from '../api/api-context.js';
import { ErrorMessage } from '../ui/error-message.js';
import { ExportButtons } from './export-buttons.js';
import { LeadDetail, type LeadPanels } from './lead-detail.js';
import { LeadList } from './lead-list.js';
import { LeadToolbar } from './lead-toolbar.js';
import { useLeadPages } from './use-lead-pages.js';
import './leads.css';

const SEARCH_DELAY_MS = 150;

/** The lead list and the chosen lead's detail; `panels` are other features' parts of that detail (see LeadPanels). */
export function LeadsScreen({ panels, openedLead = null }: { panels?: LeadPanels; openedLead?: { id: string; at: number } | null }) {
  const [search, setSearch] = useState('');
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<LeadSort>('name');
  const [descending, setDescending] = useState(false);
  const [activeIndex, setActiveIndex] = useState(-1);
  const [selectedId, setSelectedId] = useState<string | null>(openedLead?.id ?? null);
  // A row chosen before its page arrived (End on 100,000 leads): selected once it loads.
  const [pendingIndex, setPendingIndex] = useState<number | null>(null);
  const recorderRef = useRef<HTMLFieldSetElement>(null);
  const pages = useLeadPages({ query, sort, descending });

  useEffect(() => {
    const timer = setTimeout(() => setQuery(search.trim()), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [search]);

  useEffect(() => {
    setActiveIndex(-1);
    setPendingIndex(null);
  }, [query, sort, descending]);

  useEffect(() => {
    if (pendingIndex === null) return;
    const row = pages.rowAt(pendingIndex);
    if (!row) return;
    setSelectedId(row.id);
    setPendingIndex(null);
  }, [pages, pages.version, pendingIndex]);

  // A click-to-dial link or a notification named this lead: show it (its Dial button is the rep's to press).
  useEffect(() => {
    if (openedLead) setSelectedId(openedLead.id);
  }, [openedLead]);

  useDialdeskEvent((event) => {
    if (event.type === 'leads.changed') pages.invalidate();
  });

  const activate = (index: number, row: LeadRow | undefined) => {
    setActiveIndex(index);
    if (row) setSelectedId(row.id);
    setPendingIndex(row ? null : index);
  };

  return (
    <div className="leads-screen">
      <section className="leads-main" aria-labelledby="leads-title">
        <div className="screen-header">
          <h1 id="leads-title" className="screen-title">
            Leads
          </h1>
          <ExportButtons />
        </div>
        <LeadToolbar
          search={search}
          onSearch={setSearch}
          sort={sort}
          onSort={setSort}
          descending={descending}
          onDescending={setDescending}
          total={pages.total}
        />
        {pages.error ? <ErrorMessage error={pages.error} title="Could not load leads" /> : null}
        {pages.total === 0 ? (
          <p className="empty muted">{query ? `No leads match “${query}”.` : 'No leads yet. Import a CSV to get started.'}</p>
        ) : (
          <LeadList
            pages={pages}
            activeIndex={activeIndex}
            selectedId={selectedId}
            onActivate={activate}
            onOpen={() => recorderRef.current?.querySelector('button')?.focus()}
          />
        )}
      </section>
      {selectedId ? (
        <LeadDetail leadId={selectedId} panels={panels} recorderRef={recorderRef} onClose={() => setSelectedId(null)} />
      ) : (
        <aside className="lead-detail lead-detail-empty" aria-label="Lead">
          <p className="muted">Choose a lead to see its details and history. Use ↑ ↓ in the list, Enter to log an outcome.</p>
        </aside>
      )}
    </div>
  );
}
