import { Field } from '../ui/field.js';
import { WEEKDAY_NAMES } from '../ui/format-time.js';
import type { SettingsForm } from './settings-form.js';

type Hours = Pick<SettingsForm, 'start' | 'end' | 'days'>;

/** The rep's working hours and days: one set of fields for the Settings screen and the first-run questions. */
export function WorkingHoursFields({ form, update, errors }: { form: Hours; update: (patch: Partial<Hours>) => void; errors: string[] | undefined }) {
  const toggleDay = (day: number) => update({ days: form.days.includes(day) ? form.days.filter((d) => d !== day) : [...form.days, day] });
  return (
    <fieldset className={errors ? 'has-error' : undefined}>
      <legend>Working hours</legend>
      <div className="hours-row">
        <Field label="Start">
          {(props) => <input {...props} className="input" type="time" value={form.start} onChange={(e) => update({ start: e.target.value })} />}
        </Field>
        <Field label="End">
          {(props) => <input {...props} className="input" type="time" value={form.end} onChange={(e) => update({ end: e.target.value })} />}
        </Field>
      </div>
      <div className="days" role="group" aria-label="Working days">
        {WEEKDAY_NAMES.map((name, day) => (
          <label key={name} className="day">
            <input type="checkbox" aria-label={name} checked={form.days.includes(day)} onChange={() => toggleDay(day)} />
            <span aria-hidden="true">{name.slice(0, 3)}</span>
          </label>
        ))}
      </div>
      {errors ? <p className="field-error">{errors.join('; ')}</p> : null}
    </fieldset>
  );
}
