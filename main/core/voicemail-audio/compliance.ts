import type { Settings } from '../../../shared/domain.js';
import { parseTemplate } from '../scripts/template.js';
import { digitsOf } from '../../../shared/digits.js';
import { GAPS, gapMarker, gapsIn } from '../../../shared/script-gaps.js';

/** Variables a recording can say (the rep's own); every other one differs per lead. */
const SAME_FOR_EVERY_LEAD = new Set(['rep_name', 'rep_company', 'callback_number']);

/**
 * A pre-recorded or synthesised message must say who is calling and the
 * number to call back (telemarketing rules for prerecorded messages). The
 * teleprompter only warns; the other two ways are stopped. Checked on the
 * words that will be spoken, so a name typed into the template counts too.
 * A variable with no value (marked as shared/script-gaps.ts says) is never spoken: the message is refused with its name.
 */
export function identificationProblems(spokenText: string, settings: Pick<Settings, 'repName' | 'repCompany' | 'callbackNumber'>): string[] {
  const problems = gapsIn(spokenText).map((variable) => gapProblem(variable));
  if (problems.length > 0) return problems;
  const text = spokenText.toLowerCase();
  const names = [settings.repName, settings.repCompany].map((n) => n.trim().toLowerCase()).filter(Boolean);
  if (names.length === 0) problems.push('Set your name (or company) in Settings: a played message must say who is calling.');
  else if (!names.some((name) => text.includes(name))) problems.push('The message does not say who is calling: add {rep_name} to the script.');
  const callback = digitsOf(settings.callbackNumber);
  if (callback.length < 7) problems.push('Set your callback number in Settings: a played message must give it.');
  else {
    // The spoken form groups the digits ("512-555-0182"); the national part is what a listener dials.
    const national = callback.length === 11 && callback.startsWith('1') ? callback.slice(1) : callback;
    if (!digitsOf(text).includes(national.slice(-7))) {
      problems.push('The message does not give the callback number: add {callback_number} to the script.');
    }
  }
  return problems;
}

function gapProblem(variable: keyof typeof GAPS): string {
  const gap = GAPS[variable];
  if (variable === 'rep_name') return 'Your name is not set (Settings): a played message must say who is calling, and this one would say nothing where it names you.';
  if (variable === 'callback_number') return 'Your callback number is not set (Settings): a played message must give the number to call back.';
  const where = gap.home === 'settings' ? 'set it in Settings' : gap.home === 'lead' ? "add it to the lead or a fallback to the script ({" + variable + "|…})" : 'the script needs a fallback ({' + variable + '|…})';
  return `{${variable}} has no value (${gapMarker(variable)}): the message would leave a gap; ${where}.`;
}

/** Why one recording cannot serve every lead of a stage: the template's per-lead slots. */
export function perLeadFields(template: string): string[] {
  const slots = parseTemplate(template).parts.flatMap((p) => (p.kind === 'slot' && !SAME_FOR_EVERY_LEAD.has(p.name) ? [p.name] : []));
  return [...new Set(slots)];
}
