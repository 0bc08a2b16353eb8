import type { ScriptVariable } from '../../shared/schedule.js';

/** What each template variable says, for the help next to the editor. */
export const VARIABLE_HELP: Array<{ name: ScriptVariable; help: string }> = [
  { name: 'first_name', help: "The lead's first name" },
  { name: 'last_name', help: "The lead's last name" },
  { name: 'company', help: "The lead's company" },
  { name: 'referrer', help: 'Who referred the lead' },
  { name: 'reason', help: 'The one reason to call back' },
  { name: 'rep_name', help: 'Your name (Settings)' },
  { name: 'rep_company', help: 'Your company (Settings)' },
  { name: 'callback_number', help: 'Your callback number, spoken' },
  { name: 'next_attempt', help: 'The promised next attempt in their time, e.g. "tomorrow at 8:15"' },
  { name: 'deadline', help: 'Last voicemail: until when you wait for an answer' },
];

/** Inserts `text` into `value` in place of the selection; returns the new value and where the caret goes. */
export function insertAt(value: string, start: number, end: number, text: string): { value: string; caret: number } {
  const from = Math.max(0, Math.min(start, value.length));
  const to = Math.max(from, Math.min(end, value.length));
  return { value: value.slice(0, from) + text + value.slice(to), caret: from + text.length };
}
