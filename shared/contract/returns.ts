import { z } from 'zod';
import type { InboundRow, ReturnsQueue, ReturnsSlots } from '../dial-block.js';
import { call } from './define.js';

const empty = z.object({}).strict();
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM (24-hour)');

const slotSchema = z.object({ start: clock, end: clock }).strict().refine((s) => s.start !== s.end, 'a slot needs some length');
export const returnsSlotsSchema = z.partialRecord(z.enum(['0', '1', '2', '3', '4', '5', '6']), z.array(slotSchema).max(8));

/** Inbound history, returns slots and their calendar: main/core/returns/ handles these. */
export const returnsCalls = {
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
