import type { ColumnMapping, ImportPreview } from '../../shared/contract/index.js';
import { ColumnSelect } from './column-select.js';
import { MAPPED_FIELDS, MAX_PHONE_COLUMNS } from './mapping-fields.js';

interface Props {
  preview: ImportPreview;
  mapping: ColumnMapping;
  onChange: (mapping: ColumnMapping) => void;
}

/** Which column is which, pre-filled with the core's guesses; phone columns in order of preference. */
export function MappingStep({ preview, mapping, onChange }: Props) {
  const { headers } = preview;
  const setPhone = (slot: number, column: number | null) => {
    const phones = [...mapping.phones];
    if (column === null) phones.splice(slot, 1);
    else phones[slot] = column;
    onChange({ ...mapping, phones });
  };
  const unusedColumn = headers.findIndex((_, index) => !mapping.phones.includes(index));

  return (
    <section className="card" aria-labelledby="mapping-title">
      <h2 id="mapping-title">Match the columns</h2>
      <p className="muted">
        We guessed from the column names. Check each field; phone columns are tried in order and the first valid number is
        the one dialled.
      </p>
      <fieldset className="mapping-group">
        <legend>Phone numbers</legend>
        {mapping.phones.length === 0 ? <p className="warning">No phone column chosen: every row would be rejected.</p> : null}
        {mapping.phones.map((column, slot) => (
          <div className="phone-slot" key={slot}>
            <ColumnSelect
              label={`Phone ${slot + 1}`}
              headers={headers}
              value={column}
              allowNone={false}
              onChange={(value) => setPhone(slot, value)}
            />
            <button type="button" className="button button-quiet" onClick={() => setPhone(slot, null)} aria-label={`Remove phone ${slot + 1}`}>
              Remove
            </button>
          </div>
        ))}
        {mapping.phones.length < MAX_PHONE_COLUMNS && unusedColumn >= 0 ? (
          <button type="button" className="button" onClick={() => setPhone(mapping.phones.length, unusedColumn)}>
            Add a phone column
          </button>
        ) : null}
      </fieldset>
      <fieldset className="mapping-group mapping-grid">
        <legend>Lead details</legend>
        {MAPPED_FIELDS.map(({ field, label }) => (
          <ColumnSelect
            key={field}
            label={label}
            headers={headers}
            value={mapping[field]}
            onChange={(value) => onChange({ ...mapping, [field]: value })}
          />
        ))}
      </fieldset>
    </section>
  );
}
