import type { Settings } from '../../shared/domain.js';
import { describeIssue, type ApiIssue } from '../../shared/result.js';

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

export const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

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

/**
 * Issues arrive with their path (e.g. `workingHours.start`, "expected HH:MM").
 * Group them by the form field they belong to; anything else stays general.
 */
export function issuesByField(issues: ApiIssue[] | undefined): { fields: Partial<Record<FormField, string[]>>; general: string[] } {
  const fields: Partial<Record<FormField, string[]>> = {};
  const general: string[] = [];
  const known: FormField[] = ['defaultCountry', 'repName', 'repCompany', 'callbackNumber', 'repTimeZone', 'workingHours'];
  for (const issue of issues ?? []) {
    const field = known.find((k) => k === issue.path[0]);
    if (field) (fields[field] ??= []).push(issue.message);
    else general.push(describeIssue(issue));
  }
  return { fields, general };
}
