import { z } from 'zod';
import { blockFilterSchema, blockLengthSchema } from '../../../shared/contract/dial-block.js';
import type { BlockRecord } from '../../../shared/dial-block.js';

const count = z.number().int().min(0);
const iso = z.string().min(1);

/** A saved block record as read back from block-records.jsonl: a line of another shape is damage, not a record. */
export const blockRecordSchema: z.ZodType<BlockRecord> = z.object({
  id: z.string().min(1),
  startedAt: iso,
  endedAt: iso,
  length: blockLengthSchema,
  filter: blockFilterSchema,
  counts: z.object({ dials: count, conversations: count, voicemailsLeft: count, promisesMade: count, skipped: count, suppressedInbound: count }),
  conversationRate: z.number().min(0).max(1),
  returnsWaiting: count,
  nextSlot: z.object({ startsAt: iso, endsAt: iso }).nullable(),
});
