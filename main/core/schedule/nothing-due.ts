/**
 * Why a block finds no lead due, in figures: a rep who reads "No leads are
 * due now" cannot tell the law from their own settings. Each workable lead is
 * counted once, under the first thing that keeps it from being dialled now:
 * a promise for later, a legal cap, the law's hours or days (by
 * jurisdiction), the rep's own hours and windows, or the rotation waiting for
 * a better slot. The next plan says when a block would find one.
 */
import type { Lead } from '../../../shared/domain.js';
import type { LeadRotationState } from '../../../shared/schedule.js';
import { rulesOf } from '../compliance/jurisdiction-rules.js';
import type { DialVerdict } from './calling-window.js';

export interface NothingDueLead {
  lead: Lead;
  state: LeadRotationState | undefined;
  /** The gate's verdict now. */
  verdict: DialVerdict;
}

export interface NothingDue {
  /** The whole explanation, one paragraph. */
  text: string;
  outsideWorkingHours: number;
  /** Jurisdiction code → leads outside that place's legal hours or days now. */
  outsideLegalHours: Record<string, number>;
  capped: number;
  promisedLater: number;
  /** Callable now, but the rotation keeps them for a better slot or the minimum gap has not passed. */
  plannedLater: number;
  /** The earliest plan of any lead (epoch ms), or null when no lead has one. */
  nextDueAt: number | null;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function explainNothingDue(
  leads: Iterable<NothingDueLead>,
  nextDueAt: number | null,
  now: number,
  phraseWhen: (at: number) => string,
): NothingDue {
  const result: NothingDue = { text: '', outsideWorkingHours: 0, outsideLegalHours: {}, capped: 0, promisedLater: 0, plannedLater: 0, nextDueAt };
  for (const { state, verdict } of leads) {
    if (state?.promise && state.promise.at > now) result.promisedLater += 1;
    else if (!verdict.legal.allowed && verdict.legal.rule.startsWith('At most')) result.capped += 1;
    else if (!verdict.legal.allowed) {
      const place = verdict.legal.jurisdiction ?? 'unplaced';
      result.outsideLegalHours[place] = (result.outsideLegalHours[place] ?? 0) + 1;
    } else if (!verdict.allowed) result.outsideWorkingHours += 1;
    else result.plannedLater += 1;
  }
  const parts: string[] = [];
  if (result.outsideWorkingHours > 0) parts.push(`${plural(result.outsideWorkingHours, 'lead')} outside your working hours or windows`);
  const legal = Object.entries(result.outsideLegalHours).sort((a, b) => b[1] - a[1]);
  if (legal.length > 0) {
    const total = legal.reduce((sum, [, n]) => sum + n, 0);
    const by = legal.map(([code, n]) => `${n} ${code === 'unplaced' ? 'that cannot be placed' : rulesOf(code).name}`).join(', ');
    parts.push(`${plural(total, 'lead')} outside their legal calling hours (${by})`);
  }
  if (result.capped > 0) parts.push(`${plural(result.capped, 'lead')} at a legal call cap`);
  if (result.promisedLater > 0) parts.push(`${plural(result.promisedLater, 'lead')} promised for later`);
  if (result.plannedLater > 0) parts.push(`${plural(result.plannedLater, 'lead')} planned for a later slot`);
  const why = parts.length > 0 ? ` ${parts.join('; ')}.` : ' No lead in this filter is being worked.';
  const next = nextDueAt === null ? ' No lead has a next attempt planned.' : ` The next lead is due ${phraseWhen(nextDueAt)}.`;
  result.text = `No leads are due now for this filter.${why}${next}`;
  return result;
}
