import { useId } from 'react';
import { LEAD_SORTS, type LeadSort } from '../../shared/contract/index.js';

const SORT_LABELS: Record<LeadSort, string> = {
  name: 'Name',
  company: 'Company',
  lastAttemptAt: 'Last attempt',
  attempts: 'Attempts',
  createdAt: 'Date added',
};

interface Props {
  search: string;
  onSearch: (text: string) => void;
  sort: LeadSort;
  onSort: (sort: LeadSort) => void;
  descending: boolean;
  onDescending: (descending: boolean) => void;
  total: number | null;
}

export function LeadToolbar({ search, onSearch, sort, onSort, descending, onDescending, total }: Props) {
  const id = useId();
  return (
    <div className="toolbar" role="search">
      <label className="visually-hidden" htmlFor={`${id}-search`}>
        Search leads
      </label>
      <input
        id={`${id}-search`}
        className="input search-input"
        type="search"
        placeholder="Search name, company, phone…"
        value={search}
        onChange={(e) => onSearch(e.target.value)}
      />
      <label className="inline-label" htmlFor={`${id}-sort`}>
        Sort by
      </label>
      <select id={`${id}-sort`} className="input" value={sort} onChange={(e) => onSort(e.target.value as LeadSort)}>
        {LEAD_SORTS.map((value) => (
          <option key={value} value={value}>
            {SORT_LABELS[value]}
          </option>
        ))}
      </select>
      <button type="button" className="button" aria-pressed={descending} onClick={() => onDescending(!descending)}>
        {descending ? 'Descending ↓' : 'Ascending ↑'}
      </button>
      <span className="toolbar-count muted" aria-live="polite">
        {total === null ? '' : `${total.toLocaleString()} ${total === 1 ? 'lead' : 'leads'}`}
      </span>
    </div>
  );
}
