import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { Settings } from '../../shared/domain.js';
import type { ApiError } from '../../shared/result.js';
import { useApi } from '../api/api-context.js';
import { ErrorMessage } from '../ui/error-message.js';
import { Field } from '../ui/field.js';
import { useIssuesByField } from '../ui/validation-issues.js';
import { settingsField, toForm, toPatch, type SettingsForm } from './settings-form.js';
import { CountryPicker, ZonePicker } from './zone-and-country.js';
import { WorkingHoursFields } from './working-hours-fields.js';
import './settings.css';
import './onboarding.css';

/**
 * The first-run questions, one short step at a time, each saying why it asks. Every step is saved
 * when the rep moves on (Enter or Next), so a refused value (a callback number libphonenumber
 * cannot read) is shown next to its field with everything typed still there. Escape or Skip
 * leaves the questions for good (Settings holds every answer).
 */
const STEPS = [
  {
    title: 'Where you call from',
    why: 'Numbers written without a country code, yours and your leads’, are read as this country’s.',
    fields: ['defaultCountry'],
  },
  {
    title: 'Who is calling',
    why: 'A voicemail must name the caller and give a number to call back; Dialdesk will not play one without them.',
    fields: ['repName', 'repCompany', 'callbackNumber'],
  },
  {
    title: 'Your time',
    why: 'The dial gate works in the lead’s time and yours: no call leaves outside the law’s hours where the lead is, nor outside your own.',
    fields: ['repTimeZone', 'workingHours'],
  },
] as const;

export function Onboarding({ settings, onFinished }: { settings: Settings; onFinished: () => void }) {
  const api = useApi();
  const [step, setStep] = useState(0);
  const [form, setForm] = useState<SettingsForm>(() => toForm(settings));
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const issues = useIssuesByField(error, settingsField);
  const formRef = useRef<HTMLFormElement>(null);
  const update = (patch: Partial<SettingsForm>) => setForm((current) => ({ ...current, ...patch }));
  const current = STEPS[step];

  // Each step starts at its first field, so the keyboard and a screen reader land on the question.
  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>('input, select')?.focus();
  }, [step]);

  const finishWith = async (onboarding: 'done' | 'skipped', patch: Partial<Settings> = {}) => {
    setBusy(true);
    setError(null);
    const result = await api.updateSettings({ ...patch, onboarding });
    setBusy(false);
    if (result.ok) onFinished();
    else setError(result.error);
  };

  const next = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const all = toPatch(form);
    const patch = Object.fromEntries(current.fields.map((field) => [field, all[field]])) as Partial<Settings>;
    if (step === STEPS.length - 1) return finishWith('done', patch);
    setBusy(true);
    setError(null);
    const result = await api.updateSettings(patch);
    setBusy(false);
    if (result.ok) setStep(step + 1);
    else setError(result.error);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    const target = event.target as HTMLElement;
    if (event.key === 'Escape') {
      // Escape in a search box clears the search first.
      if (target instanceof HTMLInputElement && target.type === 'search' && target.value) return;
      event.preventDefault();
      void finishWith('skipped');
    } else if (event.key === 'Enter' && !(target instanceof HTMLButtonElement) && !(target instanceof HTMLAnchorElement)) {
      // Enter advances from any field, the zone list and the day boxes included.
      event.preventDefault();
      formRef.current?.requestSubmit();
    }
  };


  return (
    <section className="onboarding card" aria-labelledby="onboarding-title">
      <p className="muted onboarding-progress">
        Welcome to Dialdesk · step {step + 1} of {STEPS.length}
      </p>
      <h1 id="onboarding-title">{current.title}</h1>
      <p className="onboarding-why">{current.why}</p>
      <form ref={formRef} aria-labelledby="onboarding-title" noValidate onSubmit={(e) => void next(e)} onKeyDown={onKeyDown}>
        {step === 0 ? (
          <Field label="Default country" errors={issues.fields.defaultCountry}>
            {(props) => <CountryPicker fieldProps={props} value={form.defaultCountry} onChange={(defaultCountry) => update({ defaultCountry })} />}
          </Field>
        ) : null}
        {step === 1 ? (
          <>
            <Field label="Your name" errors={issues.fields.repName}>
              {(props) => <input {...props} className="input" autoComplete="name" value={form.repName} onChange={(e) => update({ repName: e.target.value })} />}
            </Field>
            <Field label="Company" errors={issues.fields.repCompany}>
              {(props) => (
                <input {...props} className="input" autoComplete="organization" value={form.repCompany} onChange={(e) => update({ repCompany: e.target.value })} />
              )}
            </Field>
            <Field label="Callback number" hint="The number leads call you back on, as a voicemail says it." errors={issues.fields.callbackNumber}>
              {(props) => (
                <input {...props} className="input" type="tel" autoComplete="tel" value={form.callbackNumber} onChange={(e) => update({ callbackNumber: e.target.value })} />
              )}
            </Field>
          </>
        ) : null}
        {step === 2 ? (
          <>
            <Field label="Your time zone" hint="Your working hours are in this zone; it starts as this computer’s." errors={issues.fields.repTimeZone}>
              {(props) => <ZonePicker fieldProps={props} value={form.repTimeZone} onChange={(repTimeZone) => update({ repTimeZone })} />}
            </Field>
            <WorkingHoursFields form={form} update={update} errors={issues.fields.workingHours} />
          </>
        ) : null}
        {error && issues.general.length + Object.keys(issues.fields).length === 0 ? <ErrorMessage error={error} title="Not saved" /> : null}
        {error && Object.keys(issues.fields).length > 0 ? (
          <p className="field-error" role="alert">
            Not saved: {error.message}
          </p>
        ) : null}
        <div className="actions onboarding-actions">
          {step > 0 ? (
            <button type="button" className="button button-quiet" disabled={busy} onClick={() => setStep(step - 1)}>
              Back
            </button>
          ) : null}
          <button type="button" className="button button-quiet" disabled={busy} onClick={() => void finishWith('skipped')}>
            Skip
          </button>
          <button type="submit" className="button button-primary" disabled={busy}>
            {step === STEPS.length - 1 ? 'Finish' : 'Next'}
          </button>
        </div>
        <p className="hint muted">Enter goes on, Escape skips the questions. Everything here can be changed later in Settings.</p>
      </form>
    </section>
  );
}
