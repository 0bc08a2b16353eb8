/**
 * The rep's figures, folded one attempt (and one inbound call) at a time, so a stats query
 * sums a few thousand day buckets and never reads the history.
 *
 * Buckets are days in the rep's zone. Hours and weekdays are the lead's own local ones (the
 * question is "when do leads pick up", not "when does the rep dial").
 *
 * A return is the first inbound call, or the first conversation, from a lead after a voicemail
 * was left for it; it counts once per voicemail. `returns` of a day are the returns received
 * that day; a script's `returns` are credited to the day its voicemail was left, so a script's
 * return rate over a range is returns / voicemails of the voicemails left in that range.
 */
import { countsAgainstLead } from '../../../shared/outcomes.js';
import type { Attempt, InboundCall } from '../../../shared/domain.js';
import type { FoldSnapshot, HistoryFold, HistoryFoldFactory } from '../store/history-fold.js';
import { localDay, localMinuteOfDay, weekdayOfDay } from '../timezones/zone-clock.js';

export interface DayTally {
  dials: number;
  conversations: number;
  voicemails: number;
  returns: number;
  promisesKept: number;
  promisesBroken: number;
  /** Per lead-local hour 0…23. */
  hourDials: number[];
  hourConversations: number[];
  /** Per lead-local weekday, 0 = Sunday. */
  weekdayDials: number[];
  weekdayConversations: number[];
  /** `scriptId@version` → voicemails left that day with it, and the returns they brought. */
  scripts: Record<string, { voicemails: number; returns: number }>;
}

/** A voicemail still waiting for its return. */
export interface WaitingReturn {
  /** The voicemail attempt, and the attempt it promised (what a caller is probably answering). */
  attemptId: string;
  promisedFor: string | null;
  script: string | null;
  /** Rep-zone day the voicemail was left (its script's returns are credited there). */
  day: number;
  at: number;
}

export interface StatsSnapshot extends FoldSnapshot {
  days: Array<[number, DayTally]>;
  waiting: Array<[string, WaitingReturn]>;
  /** Inbound log month → byte offset folded so far. */
  inboundOffsets: Record<string, number>;
}

/** Promise counters of the lead's rotation before and after an attempt (the store folds those). */
export interface PromiseDelta {
  kept: number;
  broken: number;
}

const zeros = (n: number) => new Array<number>(n).fill(0);

export const emptyDay = (): DayTally => ({
  dials: 0,
  conversations: 0,
  voicemails: 0,
  returns: 0,
  promisesKept: 0,
  promisesBroken: 0,
  hourDials: zeros(24),
  hourConversations: zeros(24),
  weekdayDials: zeros(7),
  weekdayConversations: zeros(7),
  scripts: {},
});

export const scriptKey = (id: string, version: number | null) => `${id}@${version ?? 0}`;

export class StatsFold implements HistoryFold {
  readonly days = new Map<number, DayTally>();
  private readonly waiting = new Map<string, WaitingReturn>();
  inboundOffsets: Record<string, number> = {};
  /** Bumped on every change, so views can tell when to re-query. */
  version = 0;

  constructor(private readonly repZone: () => string) {}

  static fromSnapshot(snapshot: FoldSnapshot, repZone: () => string): StatsFold {
    const fold = new StatsFold(repZone);
    const stats = snapshot as Partial<StatsSnapshot>;
    for (const [day, tally] of stats.days ?? []) fold.days.set(day, tally);
    for (const [lead, waiting] of stats.waiting ?? []) fold.waiting.set(lead, waiting);
    fold.inboundOffsets = { ...snapshot.inboundOffsets };
    return fold;
  }

  snapshot(): StatsSnapshot {
    // Day tallies are updated in place: copy them so a checkpoint being written stays consistent.
    return {
      days: [...this.days].map(([day, t]) => [day, structuredClone(t)]),
      waiting: [...this.waiting],
      inboundOffsets: { ...this.inboundOffsets },
    };
  }

  /** One recorded attempt; `leadZone` is the lead's reference zone (null when unknown). */
  foldAttempt(attempt: Attempt, leadZone: string | null, promises: PromiseDelta): void {
    // Another rep's attempt (its history came with a claim) is theirs to count, not this rep's.
    if (!countsAgainstLead(attempt.outcome) || attempt.by !== undefined) return;
    const at = Date.parse(attempt.startedAt);
    const day = this.dayOf(at);
    const tally = this.tally(day);
    const conversation = attempt.outcome === 'conversation';
    tally.dials += 1;
    tally.promisesKept += promises.kept;
    tally.promisesBroken += promises.broken;
    if (leadZone) {
      const hour = Math.floor(localMinuteOfDay(leadZone, at) / 60);
      const weekday = weekdayOfDay(localDay(leadZone, at));
      tally.hourDials[hour] += 1;
      tally.weekdayDials[weekday] += 1;
      if (conversation) {
        tally.hourConversations[hour] += 1;
        tally.weekdayConversations[weekday] += 1;
      }
    }
    if (conversation) {
      tally.conversations += 1;
      this.countReturn(attempt.leadId, at);
    }
    if (attempt.outcome === 'voicemail') {
      tally.voicemails += 1;
      const script = attempt.scriptId ? scriptKey(attempt.scriptId, attempt.scriptVersion) : null;
      if (script) (tally.scripts[script] ??= { voicemails: 0, returns: 0 }).voicemails += 1;
      this.waiting.set(attempt.leadId, { attemptId: attempt.id, promisedFor: attempt.promisedFor, script, day, at });
    }
    this.version += 1;
  }

  /** One inbound call (any answer: rang, suppressed, missed). */
  foldInbound(call: InboundCall): void {
    if (call.leadId) this.countReturn(call.leadId, Date.parse(call.receivedAt));
    this.version += 1;
  }

  /** The voicemail a lead's next return would answer, if one is waiting. */
  waitingFor(leadId: string): WaitingReturn | undefined {
    return this.waiting.get(leadId);
  }

  /** Rep-zone day number of an instant. */
  dayOf(ms: number): number {
    return localDay(this.repZone(), ms);
  }

  private countReturn(leadId: string, at: number): void {
    const waiting = this.waiting.get(leadId);
    if (!waiting || at < waiting.at) return;
    this.waiting.delete(leadId);
    this.tally(this.dayOf(at)).returns += 1;
    if (waiting.script) {
      const left = this.tally(waiting.day);
      (left.scripts[waiting.script] ??= { voicemails: 0, returns: 0 }).returns += 1;
    }
  }

  private tally(day: number): DayTally {
    let tally = this.days.get(day);
    if (!tally) {
      tally = emptyDay();
      this.days.set(day, tally);
    }
    return tally;
  }
}

/** The store's history fold for the rep's stats (pass as LeadStoreOptions.historyFold). */
export function statsFoldFactory(repZone: () => string): HistoryFoldFactory {
  return {
    id: 'stats-1',
    create: () => new StatsFold(repZone),
    restore: (snapshot) => StatsFold.fromSnapshot(snapshot, repZone),
  };
}

/** The store's stats fold; a store opened without one has no stats to give. */
export function statsOf(store: { historyFold: HistoryFold }): StatsFold {
  const fold = store.historyFold;
  if (!(fold instanceof StatsFold)) throw new Error('this store was opened without the stats fold');
  return fold;
}
