/**
 * The one way an attempt record is made, whoever settles it: SIP (busy, no answer, bad number,
 * failed, canceled), the rep's keys or the beep detector on an answered call, or the rep's own
 * entry on the lead screen. What an outcome carries (a voicemail's script and promise, a
 * call-back's time, the permission answer, "work again") is decided here and nowhere else.
 */
import type { Attempt, IsoTime, LeadId, Outcome } from '../../../shared/domain.js';
import { ApiFailure } from '../api/api-failure.js';

/** The script a voicemail read: id and version, or null for a message that read none (a recorded drop). */
export type ScriptRead = { scriptId: string | null; scriptVersion: number | null };

/** What the call itself says: the attempt's own fields, before the rep's details. */
export type AttemptFacts = Pick<Attempt, 'id' | 'leadId' | 'outcome' | 'startedAt' | 'recordedAt' | 'endedAt' | 'source' | 'sipStatus' | 'callId'>;

/** What the rep (or the beep detector, or the voicemail drop) adds. */
export interface AttemptDetails {
  note?: string;
  /** The script read: absent = the one the rep was shown for this lead; null = none (a recorded message). */
  scriptId?: string | null;
  scriptVersion?: number | null;
  /** The time the message spoke: absent = decided by the script read; null = the message promised nothing. */
  promisedFor?: IsoTime | null;
  /** `call-back`: when the lead asked to be called (required). */
  callbackAt?: IsoTime;
  /** The permission question in a conversation; `no` opts the lead out. */
  permission?: 'yes' | 'no';
  /** A reached lead to be worked again from this instant (ISO). */
  workAgainAt?: IsoTime;
}

export interface AttemptContext {
  /** The script the focus view or voicemail panel showed for this lead. */
  scriptShown(): ScriptRead;
  /**
   * The promise a voicemail left at `at` with `script` pinned: the rotation's next time when the
   * script speaks `{next_attempt}`, else null.
   */
  spokenPromise(script: ScriptRead, at: number): IsoTime | null;
}

export function buildAttempt(facts: AttemptFacts, details: AttemptDetails, context: AttemptContext): Attempt {
  const { outcome } = facts;
  if (outcome === 'call-back' && !details.callbackAt) throw new ApiFailure('invalid-input', 'A call-back needs the time the lead asked for.');
  if (details.permission && outcome !== 'conversation') throw new ApiFailure('invalid-input', 'The permission question is asked in a conversation.');
  let script: ScriptRead = { scriptId: null, scriptVersion: null };
  let promisedFor: IsoTime | null = null;
  if (outcome === 'voicemail') {
    script = details.scriptId === undefined ? context.scriptShown() : { scriptId: details.scriptId, scriptVersion: details.scriptVersion ?? null };
    // A promise is pinned only when the message spoke it.
    promisedFor =
      details.promisedFor === undefined ? context.spokenPromise(script, Date.parse(facts.startedAt)) : details.promisedFor === null ? null : new Date(details.promisedFor).toISOString();
  } else if (outcome === 'call-back') {
    promisedFor = new Date(details.callbackAt!).toISOString();
  }
  return {
    id: facts.id,
    leadId: facts.leadId,
    outcome,
    startedAt: facts.startedAt,
    recordedAt: facts.recordedAt,
    endedAt: facts.endedAt,
    source: facts.source,
    note: details.note ?? '',
    sipStatus: facts.sipStatus,
    scriptId: script.scriptId,
    scriptVersion: script.scriptVersion,
    promisedFor,
    ...(facts.callId ? { callId: facts.callId } : {}),
    ...(details.permission ? { permission: details.permission } : {}),
    ...(details.workAgainAt ? { workAgainAt: details.workAgainAt } : {}),
  };
}
