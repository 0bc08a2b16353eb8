/**
 * The smallest names of the domain, below both shared/domain.ts and
 * shared/schedule.ts: the domain's Lead holds schedule types and the schedule's
 * types name leads, so what both need lives here, not in either (no circle).
 */

export type LeadId = string;
export type IsoTime = string;

/** "HH:MM", 24-hour. */
export type ClockTime = string;

export type ScriptStage = 'first' | 'follow-up' | 'opt-out';
