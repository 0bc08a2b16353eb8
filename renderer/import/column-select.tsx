import { useId } from 'react';

interface Props {
  label: string;
  headers: string[];
  value: number | null;
  onChange: (value: number | null) => void;
  /** Allow "not in this file"; phone slots use removal instead. */
  allowNone?: boolean;
}

/** One field of the mapping: which CSV column feeds it. */
export function ColumnSelect({ label, headers, value, onChange, allowNone = true }: Props) {
  const id = useId();
  return (
    <div className="mapping-field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        className="input"
        value={value === null ? '' : String(value)}
        onChange={(e) => onChange(e.target.value === '' ? null : Number(e.target.value))}
      >
        {allowNone ? <option value="">— Not in this file —</option> : null}
        {headers.map((header, index) => (
          <option key={index} value={index}>
            {header || `Column ${index + 1}`}
          </option>
        ))}
      </select>
    </div>
  );
}
