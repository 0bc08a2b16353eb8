import { z } from 'zod';
import { ANSWERED_OUTCOMES, type Attempt } from '../domain.js';
import { BLOCK_MINUTES, type BlockRecord, type BlockView, type InboundRow, type ReturnsQueue, type ReturnsSlots } from '../dial-block.js';
import type { StatsReport } from '../stats.js';
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
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM (24-hour)');

export const blockLengthSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('minutes'), minutes: z.union(BLOCK_MINUTES.map((m) => z.literal(m)) as [z.ZodLiteral<30>, z.ZodLiteral<45>, z.ZodLiteral<60>, z.ZodLiteral<90>]) }).strict(),
  z.object({ kind: z.literal('leads'), leads: z.number().int().min(1).max(1000) }).strict(),
]);

export const blockFilterSchema = z
  .object({
    timeZone: z.string().min(1).max(64).optional(),
    stage: z.enum(['first', 'follow-up', 'opt-out']).optional(),
    text: z.string().trim().min(1).max(100).optional(),
  })
  .strict();

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

const slotSchema = z.object({ start: clock, end: clock }).strict().refine((s) => s.start !== s.end, 'a slot needs some length');
export const returnsSlotsSchema = z.partialRecord(z.enum(['0', '1', '2', '3', '4', '5', '6']), z.array(slotSchema).max(8));

export const dialBlockCalls = {
  /** Starts a block over the leads due now (promises first), or refuses while one is unfinished. */
  startBlock: call<BlockView>()(
    z
      .object({
        length: blockLengthSchema,
        filter: blockFilterSchema.default({}),
        powerDial: z.boolean().default(false),
        pauseSeconds: z.number().int().min(0).max(10).default(3),
      })
      .strict(),
  ),
  /** The block in progress (or restored after a restart), null when none. */
  getBlock: call<BlockView | null>()(empty),
  /** Dials the current lead through the dial gate (Space). */
  blockDial: call<BlockView>()(empty),
  /** Cancels the ringing call (Esc) or the power-dial countdown. */
  blockCancel: call<BlockView>()(empty),
  pauseBlock: call<BlockView>()(empty),
  resumeBlock: call<BlockView>()(empty),
  skipLead: call<BlockView>()(z.object({ reason: z.string().trim().min(1).max(200) }).strict()),
  /** Ends the block and saves its record. */
  endBlock: call<BlockRecord>()(empty),
  listBlockRecords: call<BlockRecord[]>()(z.object({ limit: z.number().int().min(1).max(500).default(50) }).strict()),
  /** Settles an answered call as what it was: its one attempt is written. */
  settleCall: call<Attempt>()(settleSchema),
  /** Answered calls still waiting for their outcome. */
  listOpenCalls: call<OpenCallView[]>()(empty),
  getStats: call<StatsReport>()(z.object({ from: isoDate.optional(), to: isoDate.optional() }).strict()),
  getReturnsSlots: call<ReturnsSlots>()(empty),
  saveReturnsSlots: call<ReturnsSlots>()(z.object({ slots: returnsSlotsSchema }).strict()),
  /** Callers waiting to be returned, oldest first, batched into the current or next slot. */
  getReturnsQueue: call<ReturnsQueue>()(empty),
  /** Calls a waiting caller back (through the dial gate) from the returns slot. */
  returnCall: call<{ callId: string }>()(z.object({ inboundId: z.string().min(1).max(64) }).strict()),
  listInbound: call<{ total: number; rows: InboundRow[] }>()(
    z
      .object({
        query: z.string().max(100).default(''),
        state: z.enum(['missed', 'suppressed', 'answered', 'returned']).optional(),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(1000).default(100),
      })
      .strict(),
  ),
  exportInboundCsv: call<string>()(empty),
  /** The next week's returns slots as an iCalendar file. */
  exportReturnsIcs: call<string>()(empty),
};
