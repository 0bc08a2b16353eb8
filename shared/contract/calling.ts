import { z } from 'zod';
import { ANSWERED_OUTCOMES, type Attempt } from '../domain.js';
import { call } from './define.js';

/** An answered call waiting for the rep (or the beep detector) to say what it was. */
export interface OpenCallView {
  callId: string;
  attemptId: string;
  leadId: string;
  leadName: string;
  startedAt: string;
  endedAt: string | null;
}

const empty = z.object({}).strict();
const iso = z.iso.datetime({ offset: true });

export const settleSchema = z
  .object({
    /** The SIP call id, or the attempt id the open call will have. */
    id: z.string().min(1).max(64),
    outcome: z.enum(ANSWERED_OUTCOMES),
    note: z.string().max(2000).optional(),
    scriptId: z.string().min(1).max(64).nullable().optional(),
    scriptVersion: z.number().int().min(1).nullable().optional(),
    promisedFor: iso.nullable().optional(),
    callbackAt: iso.optional(),
    permission: z.enum(['yes', 'no']).optional(),
    workAgainInDays: z.number().int().min(1).max(365).optional(),
  })
  .strict()
  .refine((s) => s.outcome !== 'call-back' || s.callbackAt !== undefined, { message: 'a call-back needs callbackAt', path: ['callbackAt'] })
  .refine((s) => s.permission === undefined || s.outcome === 'conversation', { message: 'the permission question is asked in a conversation', path: ['permission'] });

/** Answered calls and what they were: main/core/calling/ handles these. */
export const callingCalls = {
  /** Settles an answered call as what it was: its one attempt is written. */
  settleCall: call<Attempt>()(settleSchema),
  /** Answered calls still waiting for their outcome. */
  listOpenCalls: call<OpenCallView[]>()(empty),
};
