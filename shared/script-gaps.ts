/**
 * The one rule for a script variable with no value: it is never shown or spoken as a gap.
 * The rendered text carries a marker in its place ("[your name: not set]"), readable as it is
 * wherever the text appears; the renderer turns each marker into a link to where the value is set,
 * and a played voicemail with a marker in it is refused (main/core/voicemail-audio/compliance.ts).
 */
import type { ScriptVariable } from './schedule.js';

/** Where a missing value is filled in: the rep's Settings, the lead's own record, or the schedule settings. */
export type GapHome = 'settings' | 'lead' | 'schedule';

export const GAPS: Record<ScriptVariable, { label: string; home: GapHome; /** The Settings field, for `settings`. */ field?: string }> = {
  first_name: { label: 'their first name', home: 'lead' },
  last_name: { label: 'their last name', home: 'lead' },
  company: { label: 'their company', home: 'lead' },
  referrer: { label: 'who referred them', home: 'lead' },
  reason: { label: 'the reason to call', home: 'lead' },
  rep_name: { label: 'your name', home: 'settings', field: 'repName' },
  rep_company: { label: 'your company', home: 'settings', field: 'repCompany' },
  callback_number: { label: 'your callback number', home: 'settings', field: 'callbackNumber' },
  next_attempt: { label: 'the next attempt', home: 'schedule' },
  deadline: { label: 'the answer-by day', home: 'schedule' },
};

/** How a screen names a variable with no value: "your name: not set". */
export function gapLabel(variable: ScriptVariable): string {
  return `${GAPS[variable].label}: not set`;
}

/** What stands in the text where `variable` had no value: its label in brackets. */
export function gapMarker(variable: ScriptVariable): string {
  return `[${gapLabel(variable)}]`;
}

export type ScriptPiece = { kind: 'text'; text: string } | { kind: 'gap'; variable: ScriptVariable; text: string };

const MARKERS = new Map<string, ScriptVariable>(Object.keys(GAPS).map((name) => [gapMarker(name as ScriptVariable), name as ScriptVariable]));
const MARKER_PATTERN = new RegExp([...MARKERS.keys()].map((marker) => marker.replace(/[[\]]/g, '\\$&')).join('|'), 'g');

/** The text cut at its markers, so a screen can show each gap as a link to its setting. */
export function splitGaps(text: string): ScriptPiece[] {
  const pieces: ScriptPiece[] = [];
  let last = 0;
  for (const match of text.matchAll(MARKER_PATTERN)) {
    if (match.index > last) pieces.push({ kind: 'text', text: text.slice(last, match.index) });
    pieces.push({ kind: 'gap', variable: MARKERS.get(match[0])!, text: match[0] });
    last = match.index + match[0].length;
  }
  if (last < text.length) pieces.push({ kind: 'text', text: text.slice(last) });
  return pieces;
}

/** The variables the text marks as not set, in order of first appearance. */
export function gapsIn(text: string): ScriptVariable[] {
  return [...new Set(splitGaps(text).flatMap((piece) => (piece.kind === 'gap' ? [piece.variable] : [])))];
}
