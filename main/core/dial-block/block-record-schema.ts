import { z } from 'zod';
import { blockFilterSchema, blockLengthSchema } from '../../../shared/contract/dial-block.js';
import type { BlockCounts, BlockRecord } from '../../../shared/dial-block.js';

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

const countsSchema: z.ZodType<BlockCounts> = z.object({ dials: count, conversations: count, voicemailsLeft: count, promisesMade: count, skipped: count, suppressedInbound: count });
const epoch = z.number().finite();

/**
 * `dial-block.json`: the block in progress as it survives a restart (block-session.ts's
 * BlockState), or null when none. Read through this schema; a file of another shape is set aside.
 */
export const blockStateFileSchema = z
  .object({
    id: z.string().min(1),
    status: z.enum(['idle', 'running', 'paused', 'ended']),
    phase: z.enum(['ready', 'countdown', 'dialing', 'ringing', 'answered', 'settling']),
    length: blockLengthSchema,
    filter: blockFilterSchema,
    powerDial: z.boolean(),
    pauseSeconds: z.number().min(0).max(60),
    startedAt: iso,
    endedAt: iso.nullable(),
    callId: z.string().min(1).nullable(),
    counts: countsSchema,
    bankedMs: z.number().min(0),
    runningSince: epoch.nullable(),
    queue: z.array(z.string().min(1)),
    index: z.number().int().min(0),
    settledEarly: z.boolean(),
    countdownEndsAt: epoch.nullable(),
    skips: z.array(z.object({ leadId: z.string(), reason: z.string() })),
    restored: z.boolean(),
    promised: z.array(z.string()).optional(),
    savedAt: epoch.optional(),
  })
  .nullable();
