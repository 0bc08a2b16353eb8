import { useCallback, useEffect, useRef, useState } from 'react';
import type { LeadRow, LeadSort } from '../../shared/contract/index.js';
import type { ApiError } from '../../shared/result.js';
import { useApi } from '../api/api-context.js';

export const PAGE_SIZE = 100;

export interface LeadQuery {
  query: string;
  sort: LeadSort;
  descending: boolean;
}

export interface LeadPages {
  /** Rows matching the query, or null until the first page answered. */
  total: number | null;
  rowAt(index: number): LeadRow | undefined;
  /** Makes sure the pages covering [start, end] are loaded or loading. */
  ensureRange(start: number, end: number): void;
  /** Drop what is loaded (leads changed) but keep showing it until fresh pages arrive. */
  invalidate(): void;
  error: ApiError | null;
  /** Changes whenever rows arrive, so callers re-render and re-check their range. */
  version: number;
}

/**
 * Rows of the lead list, fetched a page at a time for the visible window only,
 * so 100,000 leads cost what one screenful costs. A query change starts a new
 * generation; answers for an older generation are dropped.
 */
export function useLeadPages({ query, sort, descending }: LeadQuery): LeadPages {
  const api = useApi();
  const rows = useRef(new Map<number, LeadRow>());
  const loaded = useRef(new Set<number>());
  const inFlight = useRef(new Set<number>());
  const generation = useRef(0);
  const [total, setTotal] = useState<number | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [version, setVersion] = useState(0);

  const fetchPage = useCallback(
    async (page: number) => {
      const gen = generation.current;
      inFlight.current.add(page);
      const result = await api.listLeads({ query, sort, descending, offset: page * PAGE_SIZE, limit: PAGE_SIZE });
      if (gen !== generation.current) return;
      inFlight.current.delete(page);
      if (!result.ok) {
        setError(result.error);
        return;
      }
      setError(null);
      const { offset, rows: pageRows, total: newTotal } = result.value;
      pageRows.forEach((row, i) => rows.current.set(offset + i, row));
      for (const index of [...rows.current.keys()]) if (index >= newTotal) rows.current.delete(index);
      loaded.current.add(page);
      setTotal(newTotal);
      setVersion((v) => v + 1);
    },
    [api, query, sort, descending],
  );

  const reset = useCallback(
    (keepRows: boolean) => {
      generation.current += 1;
      if (!keepRows) rows.current.clear();
      loaded.current.clear();
      inFlight.current.clear();
    },
    [],
  );

  // A new query: forget everything and ask for the first page (it also tells us the total).
  useEffect(() => {
    reset(false);
    setTotal(null);
    void fetchPage(0);
  }, [fetchPage, reset]);

  const ensureRange = useCallback(
    (start: number, end: number) => {
      if (end < start) return;
      for (let page = Math.floor(start / PAGE_SIZE); page <= Math.floor(end / PAGE_SIZE); page++) {
        if (!loaded.current.has(page) && !inFlight.current.has(page)) void fetchPage(page);
      }
    },
    [fetchPage],
  );

  const invalidate = useCallback(() => {
    reset(true);
    setVersion((v) => v + 1);
    void fetchPage(0);
  }, [fetchPage, reset]);

  const rowAt = useCallback((index: number) => rows.current.get(index), []);

  return { total, rowAt, ensureRange, invalidate, error, version };
}
