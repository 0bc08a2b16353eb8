import type { FormEvent, ReactNode } from 'react';
import { useApi } from '../api/api-context.js';
import { useLoadedForm } from '../ui/use-loaded-form.js';
import { ErrorMessage } from '../ui/error-message.js';
import { Field } from '../ui/field.js';
import { ScheduleSettingsForm } from './schedule-settings.js';
import { useIssuesByField } from '../ui/validation-issues.js';
import { settingsField, toForm, toPatch } from './settings-form.js';
import './settings.css';
import { SaveActions } from '../ui/save-actions.js';
import { AppearanceSetting } from './appearance-setting.js';
import { CallingWindowEditors } from './calling-window-editors.js';
import { CountryPicker, ZonePicker } from './zone-and-country.js';
import { WorkingHoursFields } from './working-hours-fields.js';

/** `children`: parts other features add to the screen (the notification setting), wired in app/screens.tsx. */
export function SettingsScreen({ children }: { children?: ReactNode }) {
  const api = useApi();
  const { form, loadError, saveError, saved, busy, update, save: saveWith } = useLoadedForm({ load: () => api.getSettings({}), toForm });

  const issues = useIssuesByField(saveError, settingsField);

  if (loadError) return <ErrorMessage error={loadError} title="Could not load settings" />;
  if (!form) return <p className="muted">Loading settings…</p>;


  const save = (event: FormEvent) => {
    event.preventDefault();
    void saveWith(() => api.updateSettings(toPatch(form)));
  };

  return (
    <div className="settings-screen">
      <h1 className="screen-title">Settings</h1>
      <form className="card settings-form" onSubmit={save} noValidate aria-label="Settings">
        <fieldset>
          <legend>You</legend>
          <Field label="Your name" errors={issues.fields.repName}>
            {(props) => <input {...props} data-setting="repName" className="input" value={form.repName} onChange={(e) => update({ repName: e.target.value })} />}
          </Field>
          <Field label="Company" errors={issues.fields.repCompany}>
            {(props) => (
              <input {...props} data-setting="repCompany" className="input" value={form.repCompany} onChange={(e) => update({ repCompany: e.target.value })} />
            )}
          </Field>
          <Field label="Callback number" hint="The number leads should call back, as spoken in voicemails." errors={issues.fields.callbackNumber}>
            {(props) => (
              <input
                {...props}
                data-setting="callbackNumber"
                className="input"
                type="tel"
                value={form.callbackNumber}
                onChange={(e) => update({ callbackNumber: e.target.value })}
              />
            )}
          </Field>
        </fieldset>
        <fieldset>
          <legend>Where you call from</legend>
          <Field label="Default country" hint="For numbers written without a country code." errors={issues.fields.defaultCountry}>
            {(props) => <CountryPicker fieldProps={props} value={form.defaultCountry} onChange={(defaultCountry) => update({ defaultCountry })} />}
          </Field>
          <Field label="Your time zone" hint="Your working hours are in this zone." errors={issues.fields.repTimeZone}>
            {(props) => <ZonePicker fieldProps={props} value={form.repTimeZone} onChange={(repTimeZone) => update({ repTimeZone })} />}
          </Field>
        </fieldset>
        <WorkingHoursFields form={form} update={update} errors={issues.fields.workingHours} />
        {saveError ? <ErrorMessage error={saveError} title="Settings were not saved" /> : null}
        <SaveActions busy={busy} saved={saved} label="Save settings" savedText="Settings saved." />
      </form>
      <ScheduleSettingsForm />
      <CallingWindowEditors />
      <AppearanceSetting />
      {children}
    </div>
  );
}
