import type { Settings } from '../../shared/domain.js';

/** The form's own state: what the inputs show, before the core validates it. */
export interface SettingsForm {
  defaultCountry: string;
  repName: string;
  repCompany: string;
  callbackNumber: string;
  repTimeZone: string;
  start: string;
  end: string;
  days: number[];
}

export type FormField = 'defaultCountry' | 'repName' | 'repCompany' | 'callbackNumber' | 'repTimeZone' | 'workingHours';

export function toForm(settings: Settings): SettingsForm {
  return {
    defaultCountry: settings.defaultCountry,
    repName: settings.repName,
    repCompany: settings.repCompany,
    callbackNumber: settings.callbackNumber,
    repTimeZone: settings.repTimeZone,
    start: settings.workingHours.start,
    end: settings.workingHours.end,
    days: [...settings.workingHours.days],
  };
}

export function toPatch(form: SettingsForm): Partial<Settings> {
  return {
    defaultCountry: form.defaultCountry.trim().toUpperCase(),
    repName: form.repName.trim(),
    repCompany: form.repCompany.trim(),
    callbackNumber: form.callbackNumber.trim(),
    repTimeZone: form.repTimeZone.trim(),
    workingHours: { start: form.start, end: form.end, days: [...form.days].sort((a, b) => a - b) },
  };
}

const FIELDS: FormField[] = ['defaultCountry', 'repName', 'repCompany', 'callbackNumber', 'repTimeZone', 'workingHours'];

/** The form field an issue belongs to: `['workingHours', 'start']` is shown under working hours. */
export const settingsField = (path: readonly string[]): FormField | undefined => FIELDS.find((field) => field === path[0]);
