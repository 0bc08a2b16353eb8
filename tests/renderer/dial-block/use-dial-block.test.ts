import { describe, expect, it } from 'vitest';
import type { BlockView } from '../../../shared/dial-block.js';
import { blockAfterEvent } from '../../../renderer/dial-block/use-dial-block.js';

const view = (patch: Partial<BlockView> = {}): BlockView => ({
  id: 'block-1',
  status: 'running',
  phase: 'ringing',
  length: { kind: 'leads', leads: 5 },
  filter: {},
  powerDial: false,
  pauseSeconds: 3,
  startedAt: '2026-12-01T16:00:00.000Z',
  endedAt: null,
  elapsedMs: 42_000,
  countdownEndsAt: null,
  callId: 'call-1',
  current: null,
  remaining: 3,
  counts: { dials: 2, conversations: 0, voicemailsLeft: 1, promisesMade: 1, skipped: 0, suppressedInbound: 0 },
  restored: false,
  ...patch,
});

describe('the block view in the page, kept current by events', () => {
  it('moves the quiet counter of a running or paused block when a call is held, and nothing else', () => {
    const block = view();
    const after = blockAfterEvent(block, { type: 'inbound.suppressed', count: 1 });
    expect(after).toEqual({ ...block, counts: { ...block.counts, suppressedInbound: 1 } });
    expect(blockAfterEvent(view({ status: 'paused' }), { type: 'inbound.suppressed', count: 4 })?.counts.suppressedInbound).toBe(4);
  });

  it('leaves an ended block, no block and a block still loading as they are', () => {
    const ended = view({ status: 'ended' });
    expect(blockAfterEvent(ended, { type: 'inbound.suppressed', count: 1 })).toBe(ended);
    expect(blockAfterEvent(null, { type: 'inbound.suppressed', count: 1 })).toBeNull();
    expect(blockAfterEvent(undefined, { type: 'inbound.suppressed', count: 1 })).toBeUndefined();
  });

  it('takes a changed block as sent, and ignores other events', () => {
    const block = view();
    const next = view({ phase: 'ready', counts: { ...block.counts, dials: 3 } });
    expect(blockAfterEvent(block, { type: 'dial-block.changed', block: next })).toBe(next);
    expect(blockAfterEvent(block, { type: 'dial-block.changed', block: null })).toBeNull();
    expect(blockAfterEvent(block, { type: 'leads.changed' })).toBe(block);
  });
});
