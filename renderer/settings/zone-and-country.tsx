import { getCountries } from 'libphonenumber-js/min';
import { useMemo, useState } from 'react';

type FieldProps = { id: string; 'aria-describedby'?: string; 'aria-invalid'?: boolean };

const TIME_ZONES: readonly string[] = (() => {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return [];
  }
})();

function isZone(name: string): boolean {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone.length > 0;
  } catch {
    return false;
  }
}

/** "America/Argentina/Buenos_Aires" → "America / Argentina / Buenos Aires": what a person searches for. */
function zoneLabel(zone: string): string {
  return zone.replaceAll('_', ' ').replaceAll('/', ' / ');
}

/**
 * Every IANA zone the system knows (Intl.supportedValuesOf), narrowed by what
 * the rep types: a search box over a list, so a zone is chosen, never typed
 * wrong. The chosen zone stays in the list whatever the search.
 */
export function ZonePicker({ value, onChange, fieldProps }: { value: string; onChange: (zone: string) => void; fieldProps: FieldProps }) {
  const [query, setQuery] = useState('');
  const matches = useMemo(() => {
    const words = query.toLowerCase().split(/[\s/_,]+/).filter(Boolean);
    const found = TIME_ZONES.filter((zone) => words.every((word) => zone.toLowerCase().includes(word)));
    // A zone typed in full that the list leaves out (fixed offsets such as Etc/GMT-8) is offered too.
    const typed = query.trim();
    if (typed && !found.includes(typed) && isZone(typed)) found.unshift(typed);
    return found.includes(value) || !value ? found : [value, ...found];
  }, [query, value]);
  return (
    <div className="zone-picker">
      <input
        className="input"
        type="search"
        aria-label="Search time zones"
        aria-controls={fieldProps.id}
        placeholder="Search: city or region"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      <select {...fieldProps} className="input" size={6} value={value} onChange={(e) => onChange(e.target.value)}>
        {matches.map((zone) => (
          <option key={zone} value={zone}>
            {zoneLabel(zone)}
          </option>
        ))}
      </select>
      <p className="hint muted" aria-live="polite">
        {matches.length === 1 ? '1 zone' : `${matches.length} zones`}
      </p>
    </div>
  );
}

/** Countries with phone numbering plans, by name in the rep's language (Intl.DisplayNames), sorted by that name. */
function countryOptions(): Array<{ code: string; name: string }> {
  let names: Intl.DisplayNames | null = null;
  try {
    names = new Intl.DisplayNames(undefined, { type: 'region' });
  } catch {
    names = null;
  }
  return getCountries()
    .map((code) => ({ code, name: names?.of(code) ?? code }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

export function CountryPicker({ value, onChange, fieldProps }: { value: string; onChange: (code: string) => void; fieldProps: FieldProps }) {
  const options = useMemo(countryOptions, []);
  const known = options.some((option) => option.code === value);
  return (
    <select {...fieldProps} className="input" value={value} onChange={(e) => onChange(e.target.value)}>
      {known ? null : <option value={value}>{value || 'Choose a country'}</option>}
      {options.map((option) => (
        <option key={option.code} value={option.code}>
          {option.name} ({option.code})
        </option>
      ))}
    </select>
  );
}
