import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { OUTCOME_LABELS } from '../../shared/domain.js';
import type { LeadRow } from '../../shared/contract/index.js';
import { formatShortDate, localTimeIn } from '../ui/format-time.js';
import { usePhoneFormat } from '../ui/format-phone.js';
import type { LeadPages } from './use-lead-pages.js';

const ROW_HEIGHT = 48;

interface Props {
  pages: LeadPages;
  activeIndex: number;
  selectedId: string | null;
  onActivate: (index: number, row: LeadRow | undefined) => void;
  /** Enter on the active row: move on to its detail. */
  onOpen: () => void;
}

/**
 * The lead list as one listbox. Only the rows in view (plus a few) exist in the
 * DOM and only their pages are fetched; arrow keys, Page Up/Down, Home and End
 * move through all rows.
 */
export function LeadList({ pages, activeIndex, selectedId, onActivate, onOpen }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const formatPhone = usePhoneFormat();
  const count = pages.total ?? 0;
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? -1;

  const { ensureRange, version } = pages;
  useEffect(() => {
    ensureRange(first, last);
  }, [ensureRange, first, last, version]);

  const moveTo = (index: number) => {
    if (count === 0) return;
    const next = Math.max(0, Math.min(count - 1, index));
    onActivate(next, pages.rowAt(next));
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };

  const pageStep = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? ROW_HEIGHT * 10) / ROW_HEIGHT) - 1);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const keys: Record<string, () => void> = {
      ArrowDown: () => moveTo(activeIndex + 1),
      ArrowUp: () => moveTo(activeIndex - 1),
      PageDown: () => moveTo(activeIndex + pageStep),
      PageUp: () => moveTo(activeIndex - pageStep),
      Home: () => moveTo(0),
      End: () => moveTo(count - 1),
      Enter: () => onOpen(),
    };
    const action = keys[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  };

  return (
    <div className="lead-list">
      <div className="lead-list-header" aria-hidden="true">
        <span>Name</span>
        <span>Company</span>
        <span>Phone</span>
        <span>Local time</span>
        <span className="num">Attempts</span>
        <span>Last outcome</span>
      </div>
      <div
        ref={scrollRef}
        className="lead-list-scroll"
        role="listbox"
        aria-label="Leads"
        tabIndex={0}
        aria-activedescendant={activeIndex >= 0 && activeIndex < count ? optionId(activeIndex) : undefined}
        onKeyDown={onKeyDown}
        onFocus={() => {
          if (activeIndex < 0 && count > 0) onActivate(0, pages.rowAt(0));
        }}
      >
        {/* React applies `style` through the CSSOM, which the CSP allows (only style attributes in markup are blocked). */}
        <div className="lead-list-canvas" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const row = pages.rowAt(item.index);
            return (
              <LeadOption
                formatPhone={formatPhone}
                key={item.key}
                index={item.index}
                total={count}
                top={item.start}
                row={row}
                active={item.index === activeIndex}
                selected={row !== undefined && row.id === selectedId}
                onClick={() => onActivate(item.index, row)}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}

const optionId = (index: number) => `lead-option-${index}`;

interface OptionProps {
  index: number;
  total: number;
  top: number;
  row: LeadRow | undefined;
  active: boolean;
  selected: boolean;
  onClick: () => void;
  formatPhone: (e164: string) => string;
}

function LeadOption({ index, total, top, row, active, selected, onClick, formatPhone }: OptionProps) {
  const className = ['lead-row', active ? 'is-active' : '', selected ? 'is-selected' : '', row?.doNotCall ? 'is-dnc' : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div
      id={optionId(index)}
      role="option"
      aria-selected={selected}
      aria-setsize={total}
      aria-posinset={index + 1}
      className={className}
      style={{ transform: `translateY(${top}px)` }}
      onClick={onClick}
    >
      {row ? (
        <>
          <span className="lead-name">
            {row.name || <span className="muted">(no name)</span>}
            {row.doNotCall ? <span className="badge badge-danger">Do not call</span> : null}
          </span>
          <span className="lead-company">{row.company}</span>
          <span className="lead-phone">{formatPhone(row.phone)}</span>
          <span className="lead-local">{localTimeIn(row.timeZone) ?? '—'}</span>
          <span className="num">{row.attempts}</span>
          <span className="lead-outcome">
            {row.lastOutcome ? `${OUTCOME_LABELS[row.lastOutcome]} · ${formatShortDate(row.lastAttemptAt)}` : '—'}
          </span>
        </>
      ) : (
        <span className="lead-loading muted">Loading…</span>
      )}
    </div>
  );
}
