import { useEffect, useState } from 'react';
import { outsideLegalWindow, type LocalWindow, type ScheduleSettings } from '../../shared/schedule.js';
import { useApi } from '../api/api-context.js';
import { ErrorMessage } from '../ui/error-message.js';
import { useApiAction } from '../ui/use-api-action.js';
import { CountryPicker } from './zone-and-country.js';

interface Row {
  key: string;
  start: string;
  end: string;
}

/** Why a window is not allowed, or null: it must lie inside the legal window, which nothing widens. */
export function windowProblem(window: LocalWindow, legal: LocalWindow): string | null {
  if (!window.start || !window.end || window.start >= window.end) return 'must end after it starts';
  return outsideLegalWindow(window, legal);
}

/**
 * Calling windows stricter than the legal one: per country of the lead's
 * number, and per lead. Saved into the schedule as it is stored now.
 */
export function CallingWindowEditors() {
  const api = useApi();
  const { busy, error, run } = useApiAction();
  const [schedule, setSchedule] = useState<ScheduleSettings | null>(null);
  const [countries, setCountries] = useState<Row[]>([]);
  const [leads, setLeads] = useState<Array<Row & { name: string }>>([]);
  const [leadQuery, setLeadQuery] = useState('');
  const [leadMatches, setLeadMatches] = useState<Array<{ id: string; name: string }>>([]);
  const [saved, setSaved] = useState(false);

  const accept = (next: ScheduleSettings) => {
    setSchedule(next);
    setCountries(Object.entries(next.countryWindows).map(([key, w]) => ({ key, ...w })));
    setLeads(Object.entries(next.leadWindows).map(([key, w]) => ({ key, name: key, ...w })));
  };
  useEffect(() => {
    void api.getSettings({}).then((result) => result.ok && accept(result.value.schedule));
  }, [api]);
  useEffect(() => {
    if (leadQuery.trim().length < 2) return setLeadMatches([]);
    const timer = setTimeout(() => {
      void api.listLeads({ query: leadQuery, offset: 0, limit: 8 }).then((page) => {
        if (page.ok) setLeadMatches(page.value.rows.map((row) => ({ id: row.id, name: `${row.name || row.company} · ${row.phone}` })));
      });
    }, 200);
    return () => clearTimeout(timer);
  }, [api, leadQuery]);

  if (!schedule) return null;
  const legal = schedule.legalWindow;
  const problems = [...countries.map((r) => [`Country ${r.key}`, windowProblem(r, legal)]), ...leads.map((r) => [r.name, windowProblem(r, legal)])].filter(
    (entry): entry is [string, string] => entry[1] !== null,
  );

  const save = async () => {
    setSaved(false);
    if (problems.length > 0) return;
    const current = await api.getSettings({});
    const base = current.ok ? current.value.schedule : schedule;
    const windows = (rows: Row[]) => Object.fromEntries(rows.map((r) => [r.key, { start: r.start, end: r.end }]));
    const result = await run(() => api.updateSettings({ schedule: { ...base, countryWindows: windows(countries), leadWindows: windows(leads) } }));
    if (result.ok) {
      accept(result.value.schedule);
      setSaved(true);
    }
  };
  const row = <T extends Row>(rows: T[], set: (next: T[]) => void, item: T, label: string) => (
    <li key={item.key} className="time-row">
      <span className="window-name">{label}</span>
      <label>
        From <input className="input" type="time" value={item.start} onChange={(e) => set(rows.map((r) => (r === item ? { ...r, start: e.target.value } : r)))} />
      </label>
      <label>
        to <input className="input" type="time" value={item.end} onChange={(e) => set(rows.map((r) => (r === item ? { ...r, end: e.target.value } : r)))} />
      </label>
      <button type="button" className="button" aria-label={`Remove the window for ${label}`} onClick={() => set(rows.filter((r) => r !== item))}>
        Remove
      </button>
    </li>
  );

  return (
    <section className="card settings-form calling-windows" aria-labelledby="calling-windows-title">
      <h2 id="calling-windows-title">Stricter calling windows</h2>
      <p className="hint muted">
        Nothing calls outside the law of the lead&apos;s place (<code>cli rules</code> lists it) or outside {legal.start}–{legal.end} in the
        lead&apos;s local time. Here you can narrow that for a country, a state or province, or a lead: stricter, never looser.
      </p>
      <h3>By country, state or province</h3>
      <ul className="window-rows">{countries.map((item) => row(countries, setCountries, item, item.key))}</ul>
      <AddCountry taken={countries.map((r) => r.key)} onAdd={(code) => setCountries([...countries, { key: code, start: legal.start, end: legal.end }])} />
      <AddSubdivision taken={countries.map((r) => r.key)} onAdd={(code) => setCountries([...countries, { key: code, start: legal.start, end: legal.end }])} />
      <h3>By lead</h3>
      <ul className="window-rows">{leads.map((item) => row(leads, setLeads, item, item.name))}</ul>
      <label className="field">
        Find a lead to add
        <input className="input" type="search" value={leadQuery} onChange={(e) => setLeadQuery(e.target.value)} placeholder="Name, company or phone" />
      </label>
      {leadMatches.length > 0 ? (
        <ul className="lead-matches" aria-label="Matching leads">
          {leadMatches
            .filter((match) => !leads.some((r) => r.key === match.id))
            .map((match) => (
              <li key={match.id}>
                <button
                  type="button"
                  className="button"
                  onClick={() => {
                    setLeads([...leads, { key: match.id, name: match.name, start: legal.start, end: legal.end }]);
                    setLeadQuery('');
                  }}
                >
                  Add {match.name}
                </button>
              </li>
            ))}
        </ul>
      ) : null}
      {problems.length > 0 ? (
        <ul className="field-error" role="alert">
          {problems.map(([name, problem]) => (
            <li key={name}>
              {name}: {problem}
            </li>
          ))}
        </ul>
      ) : null}
      {error ? <ErrorMessage error={error} title="The calling windows were not saved" /> : null}
      <div className="save-actions">
        <button type="button" className="button primary" disabled={busy || problems.length > 0} onClick={() => void save()}>
          Save calling windows
        </button>
        <span role="status">{saved ? 'Calling windows saved.' : ''}</span>
      </div>
    </section>
  );
}

/** A state or province by its ISO 3166-2 code ("US-FL", "CA-QC"), as the lead's place is known to the law. */
function AddSubdivision({ taken, onAdd }: { taken: string[]; onAdd: (code: string) => void }) {
  const [code, setCode] = useState('');
  const normalized = code.trim().toUpperCase();
  const valid = /^[A-Z]{2}-[A-Z0-9]{1,3}$/.test(normalized);
  return (
    <div className="add-country">
      <label htmlFor="add-subdivision-window">Add a state or province</label>
      <input id="add-subdivision-window" className="input" value={code} placeholder="US-FL" maxLength={6} onChange={(e) => setCode(e.target.value)} />
      <button
        type="button"
        className="button"
        disabled={!valid || taken.includes(normalized)}
        onClick={() => {
          onAdd(normalized);
          setCode('');
        }}
      >
        Add state
      </button>
    </div>
  );
}

function AddCountry({ taken, onAdd }: { taken: string[]; onAdd: (code: string) => void }) {
  const [code, setCode] = useState('');
  return (
    <div className="add-country">
      <label htmlFor="add-country-window">Add a country</label>
      <CountryPicker fieldProps={{ id: 'add-country-window' }} value={code} onChange={setCode} />
      <button type="button" className="button" disabled={!code || taken.includes(code)} onClick={() => onAdd(code)}>
        Add
      </button>
    </div>
  );
}
