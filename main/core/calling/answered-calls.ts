import { TZDate } from '@date-fns/tz';
import { addDays } from 'date-fns';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { join } from 'node:path';
import type { AnsweredOutcome, Attempt, IsoTime, LeadId } from '../../../shared/domain.js';
import { ApiFailure } from '../api/api-failure.js';
import { writeAtomically } from '../store/write-atomically.js';
import { readSideFile } from '../store/side-file.js';
import { buildAttempt, type AttemptContext, type AttemptDetails } from '../store/build-attempt.js';

/** An answered call nobody has said the outcome of yet: one attempt, still open. */
export interface OpenCall {
  callId: string;
  /** The id the attempt will have once settled (so others can name it before it is written). */
  attemptId: string;
  leadId: LeadId;
  startedAt: IsoTime;
  answeredAt: IsoTime | null;
  /** Null while the call is still up. */
  endedAt: IsoTime | null;
  sipStatus: number | null;
}

/** What the rep (or the beep detector) adds when settling an answered call (see AttemptDetails). */
export interface SettleDetails extends Omit<AttemptDetails, 'workAgainAt'> {
  /** A reached lead to be worked again: its cadence restarts this many days from now. */
  workAgainInDays?: number;
}

export interface AnsweredCallsDeps {
  dataDir: string;
  now(): Date;
  /** The rep's zone: "work again in 30 days" counts days on the rep's calendar. */
  repZone(): string;
  /** Durably records the settled attempt (the store's recordAttempt). */
  record(attempt: Attempt): Promise<void>;
  /**
   * Told as soon as a settled attempt is recorded, before the open calls are written out again:
   * a dial block moves on to its next lead without waiting for that file.
   */
  recorded?(attempt: Attempt): void;
  /** The script shown for a lead and the promise a voicemail speaking it pins (the schedule's). */
  attemptContext(leadId: LeadId): AttemptContext;
  log?: (message: string) => void;
}

const FILE = 'answered-calls.json';

const iso = z.string().min(1);
/** `answered-calls.json`: the answered calls still waiting for their outcome. */
const openCallsFileSchema = z.object({
  open: z.array(
    z.object({
      callId: z.string().min(1),
      attemptId: z.string().min(1),
      leadId: z.string().min(1),
      startedAt: iso,
      answeredAt: iso.nullable(),
      endedAt: iso.nullable(),
      sipStatus: z.number().int().nullable(),
    }),
  ),
});

/**
 * One call is one attempt. SIP settles what it can tell (no answer, busy, bad number, failed);
 * an answered call could be a person or a machine, so it is held here, open, until someone says
 * what it was. Settling writes the call's single attempt — while the call is still up or after
 * it ended — and "I left this voicemail" settles the same call rather than adding a second one.
 *
 * Open calls are kept in `answered-calls.json` so one survives a restart and is settled later.
 */
export class AnsweredCalls {
  private readonly open = new Map<string, OpenCall>();
  /** Calls settled while still up: their end is not recorded again. */
  private readonly settledEarly = new Set<string>();
  private writing: Promise<void> = Promise.resolve();
  /** Set when `answered-calls.json` was damaged and set aside (its calls are in the kept copy). */
  notice: string | null = null;

  private constructor(private readonly deps: AnsweredCallsDeps) {}

  static load(deps: AnsweredCallsDeps): AnsweredCalls {
    const calls = new AnsweredCalls(deps);
    const file = readSideFile(join(deps.dataDir, FILE), openCallsFileSchema, () => ({ open: [] }), deps.now());
    calls.notice = file.notice;
    for (const call of file.value.open) calls.open.set(call.callId, call);
    return calls;
  }

  list(): OpenCall[] {
    return [...this.open.values()].sort((a, b) => (a.startedAt < b.startedAt ? -1 : 1));
  }

  /** The open call of a lead (the newest), if any. */
  forLead(leadId: LeadId): OpenCall | undefined {
    return this.list()
      .reverse()
      .find((c) => c.leadId === leadId);
  }

  /** By call id or by the attempt id it will have. */
  find(id: string): OpenCall | undefined {
    return this.open.get(id) ?? [...this.open.values()].find((c) => c.attemptId === id);
  }

  /** The far end picked up: the call is open from now on. */
  async answered(call: { callId: string; leadId: LeadId; startedAt: IsoTime; answeredAt: IsoTime | null }): Promise<void> {
    if (this.open.has(call.callId) || this.settledEarly.has(call.callId)) return;
    this.open.set(call.callId, { ...call, attemptId: randomUUID(), endedAt: null, sipStatus: null });
    await this.persist();
  }

  /** The answered call ended (SIP said `answered`): it stays open unless already settled. */
  async ended(call: { callId: string; leadId: LeadId; startedAt: IsoTime; endedAt: IsoTime; sipStatus: number | null }): Promise<void> {
    if (this.settledEarly.delete(call.callId)) return;
    const open = this.open.get(call.callId);
    this.open.set(call.callId, {
      attemptId: open?.attemptId ?? randomUUID(),
      answeredAt: open?.answeredAt ?? null,
      ...call,
    });
    await this.persist();
  }

  /**
   * Settles an answered call (by call id or attempt id) as what it was: writes its one attempt
   * and returns it. Refused for a call that is not open (never answered, or settled already).
   */
  async settle(id: string, outcome: AnsweredOutcome, details: SettleDetails = {}): Promise<Attempt> {
    const call = this.find(id);
    if (!call) throw new ApiFailure('not-found', `No answered call ${id} is waiting for its outcome (settled already, or never answered).`);
    const now = this.deps.now();
    const { workAgainInDays, ...rest } = details;
    const attempt = buildAttempt(
      {
        id: call.attemptId,
        leadId: call.leadId,
        outcome,
        startedAt: call.startedAt,
        recordedAt: now.toISOString(),
        endedAt: call.endedAt,
        source: 'call',
        sipStatus: call.sipStatus ?? 200,
        callId: call.callId,
      },
      { ...rest, ...(workAgainInDays ? { workAgainAt: new Date(+addDays(new TZDate(now, this.deps.repZone()), workAgainInDays)).toISOString() } : {}) },
      this.deps.attemptContext(call.leadId),
    );
    // Taken out first, so a second settle racing this one is refused rather than recorded twice.
    this.open.delete(call.callId);
    if (call.endedAt === null) this.settledEarly.add(call.callId);
    try {
      await this.deps.record(attempt);
    } catch (error) {
      this.open.set(call.callId, call);
      this.settledEarly.delete(call.callId);
      throw error;
    }
    this.deps.recorded?.(attempt);
    await this.persist();
    return attempt;
  }

  /** Whole-file writes, one at a time, in order. */
  private persist(): Promise<void> {
    const text = `${JSON.stringify({ open: this.list() }, null, 1)}\n`;
    const write = () => writeAtomically(join(this.deps.dataDir, FILE), [text]);
    this.writing = this.writing.then(write, write);
    return this.writing;
  }
}
