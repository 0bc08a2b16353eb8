import { z } from 'zod';
import { BLOCK_MINUTES, type BlockRecord, type BlockView, type FocusLead } from '../dial-block.js';
import type { ScheduledBlockView } from './events.js';
import { call } from './define.js';

const empty = z.object({}).strict();

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
  /**
   * What the focus view shows of one lead (the opener, "Calling as promised", the script), for a
   * call dialled from a lead or a reminder outside a block: the same panel as in a block.
   */
  getLeadFocus: call<FocusLead>()(z.object({ leadId: z.string().min(1).max(64) }).strict()),
  /** The scheduled block announced now and not yet started or dismissed (a page that opens late still shows it). */
  getScheduledBlock: call<ScheduledBlockView | null>()(empty),
  /** "Not now": the announcement is not shown again for this block. */
  dismissScheduledBlock: call<null>()(z.object({ id: z.string().min(1).max(200) }).strict()),
};
