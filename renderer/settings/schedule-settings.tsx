import { useId, useMemo, useState, type FormEvent } from 'react';
import { LEGAL_WINDOW } from '../../shared/schedule.js';
import { useApi } from '../api/api-context.js';
import { useLoadedForm } from '../ui/use-loaded-form.js';
import { ErrorMessage, IssueSummary } from '../ui/error-message.js';
import { useIssuesByField } from '../ui/validation-issues.js';
import { Field, NumberField } from '../ui/field.js';
import { WEEKDAY_NAMES } from '../ui/format-time.js';
import { localProblems, newKey, scheduleField, toSchedule, toScheduleForm, type ScheduleForm } from './schedule-form.js';
import './schedule-settings.css';
import { SaveActions } from '../ui/save-actions.js';
import { hhmm } from '../../shared/clock-text.js';

const ROUNDING = [1, 5, 10, 15, 30];

const addMinutes = (clock: string, minutes: number) => {
  const [h, m] = clock.split(':').map(Number);
  const total = Math.min(23 * 60 + 59, (h ?? 0) * 60 + (m ?? 0) + minutes);
  return hhmm(total);
};

/** Bands, the legal window, cadence, dial blocks and promise rounding, saved with `updateSettings({ schedule })`. */
export function ScheduleSettingsForm() {
  const api = useApi();
  const id = useId();
  const { value, form, loadError, saveError, saved, busy, update, save: saveWith } = useLoadedForm({
    load: () => api.getSettings({}),
    toForm: (settings) => toScheduleForm(settings.schedule),
  });
  const base = value?.schedule ?? null;
  const [checked, setChecked] = useState(false);

  const core = useIssuesByField(saveError, scheduleField);
  const local = useMemo(() => (form ? localProblems(form) : {}), [form]);

  if (loadError) return <ErrorMessage error={loadError} title="Could not load the calling schedule" />;
  if (!form || !base) return <p className="muted">Loading the calling schedule…</p>;

  /** Local checks show once the rep tried to save; the core's stay until the next save. */
  const problems = (key: string): string[] | undefined => {
    const list = [...(checked ? (local[key] ?? []) : []), ...(core.fields[key] ?? [])];
    return list.length ? list : undefined;
  };
  const updateBand = (index: number, patch: Partial<{ start: string; end: string }>) =>
    update({ bands: form.bands.map((b, i) => (i === index ? { ...b, ...patch } : b)) });
  const updateBlock = (index: number, patch: Partial<{ start: string; end: string; days: number[] }>) =>
    update({ dialBlocks: form.dialBlocks.map((b, i) => (i === index ? { ...b, ...patch } : b)) });

  const addBand = () => {
    const last = form.bands[form.bands.length - 1];
    const start = last ? last.end : '08:00';
    update({ bands: [...form.bands, { key: newKey('band'), id: '', start, end: addMinutes(start, 120), loaded: null }] });
  };
  const addBlock = () =>
    update({ dialBlocks: [...form.dialBlocks, { key: newKey('block'), days: [1, 2, 3, 4, 5], start: '09:00', end: '11:00' }] });

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (Object.keys(localProblems(form)).length > 0) return;
    // The calling-window editors save the same schedule: build on what is stored now, not on what this form loaded.
    const result = await saveWith(async () => {
      const current = await api.getSettings({});
      return api.updateSettings({ schedule: toSchedule(form, current.ok ? current.value.schedule : base) });
    });
    if (result.ok) setChecked(false);
  };

  const rowErrors = (key: string) => {
    const list = problems(key);
    return list ? (
      <p className="field-error" id={`${id}-${key}-error`}>
        {list.join('; ')}
      </p>
    ) : null;
  };
  const blocked = checked && Object.keys(local).length > 0;

  return (
    <form className="card settings-form schedule-settings" onSubmit={save} noValidate aria-label="Calling schedule">
      <h2>Calling schedule</h2>
      <p className="muted">How Dialdesk spreads attempts over the day, when it may call at all, and what voicemails promise.</p>

      <fieldset>
        <legend>Time-of-day bands</legend>
        <p className="hint muted">In the lead’s local time. Attempts rotate through the bands so each lead is tried at different times of day.</p>
        <ol className="row-list" aria-label="Bands">
          {form.bands.map((band, i) => (
            <li key={band.key} className={`time-row${problems(`bands.${i}`) ? ' has-error' : ''}`}>
              <span className="row-label">Band {i + 1}</span>
              <input
                type="time"
                className="input"
                aria-label={`Band ${i + 1} start`}
                value={band.start}
                aria-invalid={problems(`bands.${i}`) ? true : undefined}
                onChange={(e) => updateBand(i, { start: e.target.value })}
              />
              <span aria-hidden="true">–</span>
              <input
                type="time"
                className="input"
                aria-label={`Band ${i + 1} end`}
                value={band.end}
                aria-invalid={problems(`bands.${i}`) ? true : undefined}
                onChange={(e) => updateBand(i, { end: e.target.value })}
              />
              <button
                type="button"
                className="button button-quiet"
                aria-label={`Remove band ${i + 1}`}
                disabled={form.bands.length <= 1}
                onClick={() => update({ bands: form.bands.filter((_, k) => k !== i) })}
              >
                Remove
              </button>
              {rowErrors(`bands.${i}`)}
            </li>
          ))}
        </ol>
        {rowErrors('bands')}
        <button type="button" className="button" onClick={addBand} disabled={form.bands.length >= 24}>
          Add band
        </button>
      </fieldset>

      <fieldset>
        <legend>Legal calling window</legend>
        <p className="hint muted">
          In the lead’s local time. You may make it stricter than {LEGAL_WINDOW.start}–{LEGAL_WINDOW.end}, never wider; no lead is dialled
          outside it, whatever else is set.
        </p>
        <div className={`time-row${problems('legalWindow') ? ' has-error' : ''}`}>
          <input
            type="time"
            className="input"
            aria-label="Legal window start"
            min={LEGAL_WINDOW.start}
            max={LEGAL_WINDOW.end}
            value={form.legalStart}
            onChange={(e) => update({ legalStart: e.target.value })}
          />
          <span aria-hidden="true">–</span>
          <input
            type="time"
            className="input"
            aria-label="Legal window end"
            min={LEGAL_WINDOW.start}
            max={LEGAL_WINDOW.end}
            value={form.legalEnd}
            onChange={(e) => update({ legalEnd: e.target.value })}
          />
          {rowErrors('legalWindow')}
        </div>
      </fieldset>

      <fieldset>
        <legend>Cadence</legend>
        <div className="number-grid">
          <NumberField
            label="Attempts per cadence"
            errors={problems('maxAttempts')}
            min={1}
            max={100}
            value={form.maxAttempts}
            onChange={(maxAttempts) => update({ maxAttempts })}
          />
          <NumberField
            label="Cadence length (days)"
            errors={problems('cadenceDays')}
            min={1}
            max={365}
            value={form.cadenceDays}
            onChange={(cadenceDays) => update({ cadenceDays })}
          />
          <NumberField
            label="Voicemails before the opt-out script"
            errors={problems('voicemailsBeforeOptOut')}
            min={1}
            max={20}
            value={form.voicemailsBeforeOptOut}
            onChange={(voicemailsBeforeOptOut) => update({ voicemailsBeforeOptOut })}
          />
        </div>
        <div className="gap-row">
          <Field label="Minimum gap between attempts" errors={problems('minimumGap')}>
            {(props) => (
              <select {...props} className="input" value={form.gapKind} onChange={(e) => update({ gapKind: e.target.value as ScheduleForm['gapKind'] })}>
                <option value="next-business-day">Next business day</option>
                <option value="minutes">A number of minutes</option>
              </select>
            )}
          </Field>
          {form.gapKind === 'minutes' ? (
            <NumberField label="Gap (minutes)" min={1} value={form.gapMinutes} onChange={(gapMinutes) => update({ gapMinutes })} />
          ) : null}
        </div>
      </fieldset>

      <fieldset>
        <legend>Dial blocks</legend>
        <p className="hint muted">In your time zone. Plans prefer times inside your blocks.</p>
        {form.dialBlocks.length === 0 ? <p className="muted">No dial blocks planned.</p> : null}
        <ol className="row-list" aria-label="Dial blocks">
          {form.dialBlocks.map((block, i) => (
            <li key={block.key} className={`block-row${problems(`dialBlocks.${i}`) ? ' has-error' : ''}`}>
              <div className="days" role="group" aria-label={`Dial block ${i + 1} days`}>
                {WEEKDAY_NAMES.map((name, day) => (
                  <label key={name} className="day">
                    <input
                      type="checkbox"
                      aria-label={name}
                      checked={block.days.includes(day)}
                      onChange={() => updateBlock(i, { days: block.days.includes(day) ? block.days.filter((d) => d !== day) : [...block.days, day] })}
                    />
                    <span aria-hidden="true">{name.slice(0, 3)}</span>
                  </label>
                ))}
              </div>
              <div className="time-row">
                <input type="time" className="input" aria-label={`Dial block ${i + 1} start`} value={block.start} onChange={(e) => updateBlock(i, { start: e.target.value })} />
                <span aria-hidden="true">–</span>
                <input type="time" className="input" aria-label={`Dial block ${i + 1} end`} value={block.end} onChange={(e) => updateBlock(i, { end: e.target.value })} />
                <button
                  type="button"
                  className="button button-quiet"
                  aria-label={`Remove dial block ${i + 1}`}
                  onClick={() => update({ dialBlocks: form.dialBlocks.filter((_, k) => k !== i) })}
                >
                  Remove
                </button>
              </div>
              {rowErrors(`dialBlocks.${i}`)}
            </li>
          ))}
        </ol>
        <button type="button" className="button" onClick={addBlock}>
          Add dial block
        </button>
      </fieldset>

      <fieldset>
        <legend>Promises</legend>
        <div className="number-grid">
          <Field label="Round promised times to" errors={problems('promiseRoundingMinutes')} hint="“Tomorrow at 8:15” is easier to keep than 8:13.">
            {(props) => (
              <select {...props} className="input" value={form.promiseRoundingMinutes} onChange={(e) => update({ promiseRoundingMinutes: e.target.value })}>
                {ROUNDING.map((m) => (
                  <option key={m} value={String(m)}>
                    {m === 1 ? '1 minute' : `${m} minutes`}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <NumberField
            label="Minutes into the slot"
            errors={problems('promiseLeadInMinutes')}
            hint="Promise a little after a band starts."
            min={0}
            max={120}
            value={form.promiseLeadInMinutes}
            onChange={(promiseLeadInMinutes) => update({ promiseLeadInMinutes })}
          />
        </div>
      </fieldset>

      <IssueSummary issues={core.general} />
      {saveError ? <ErrorMessage error={saveError} title="The calling schedule was not saved" /> : null}
      {blocked ? (
        <p className="field-error" role="alert">
          Fix the marked rows to save.
        </p>
      ) : null}
      <SaveActions busy={busy} saved={saved} label="Save calling schedule" savedText="Calling schedule saved." />
    </form>
  );
}
