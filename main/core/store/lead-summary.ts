import { countsAgainstLead } from '../../../shared/outcomes.js';
import type { Attempt, LeadSummary } from '../../../shared/domain.js';
import type { LeadRotationState } from '../../../shared/schedule.js';

/** Per-lead totals plus the months whose attempt logs hold this lead, so a timeline reads only those. */
export interface StoredSummary extends LeadSummary {
  months: string[];
  /** Set by a do-not-call outcome; the lead is never queued or dialled again. */
  optedOut: boolean;
  /** The scheduler's view of this lead's history (bands tried, cadence, promise). */
  rotation: LeadRotationState | null;
}

export const emptySummary = (): StoredSummary => ({
  attempts: 0,
  conversations: 0,
  voicemails: 0,
  lastAttemptAt: null,
  lastOutcome: null,
  months: [],
  optedOut: false,
  rotation: null,
});

/** Pure: the summary after one more attempt, in any order of arrival. */
export function foldAttemptIntoSummary(
  summary: StoredSummary,
  attempt: Attempt,
  month: string,
  rotation: LeadRotationState | null,
): StoredSummary {
  const isLatest = summary.lastAttemptAt === null || attempt.startedAt >= summary.lastAttemptAt;
  return {
    attempts: summary.attempts + (countsAgainstLead(attempt.outcome) ? 1 : 0),
    conversations: summary.conversations + (attempt.outcome === 'conversation' ? 1 : 0),
    voicemails: summary.voicemails + (attempt.outcome === 'voicemail' ? 1 : 0),
    lastAttemptAt: isLatest ? attempt.startedAt : summary.lastAttemptAt,
    lastOutcome: isLatest ? attempt.outcome : summary.lastOutcome,
    months: summary.months.includes(month) ? summary.months : [...summary.months, month],
    optedOut: summary.optedOut || attempt.outcome === 'do-not-call' || attempt.permission === 'no',
    rotation,
  };
}
