import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DialdeskEvent } from '../../../../shared/contract/index.js';
import type { CallView } from '../../../../shared/sip.js';
import { createEventHub } from '../../../../main/core/api/event-hub.js';
import { drawFarEnd, type FarEndKind } from '../../../../main/core/practice/far-end-draw.js';
import { FarEndVoice } from '../../../../main/core/practice/far-end-audio.js';
import { PracticeLine } from '../../../../main/core/practice/practice-line.js';
import type { CallAttemptRecord } from '../../../../main/core/sip/sip-service.js';
import type { MediaBridgeFactory } from '../../../../main/core/sip/media-bridge.js';
import { PracticeWindowExemption, windowExemptionFor } from '../../../../main/core/practice/window-exemption.js';

/** A seed whose second call (index 1) meets `kind`: the first call of a run is always a box. */
function seedWhereSecond(kind: FarEndKind): number {
  for (let seed = 0; ; seed++) if (drawFarEnd(seed, 1).kind === kind) return seed;
}

/** The call's media as the renderer would run it, without a renderer: an offer, then the far end's answer. */
function fakeMedia() {
  const log: string[] = [];
  const factory: MediaBridgeFactory = {
    create: ({ callId }) => ({
      getDescription: async () => {
        log.push(`offer ${callId}`);
        return { body: 'v=0 offer', contentType: 'application/sdp' };
      },
      setDescription: async (sdp) => void log.push(`answer ${sdp}`),
      sendDtmf: async () => true,
      setMute: async (muted) => void log.push(`mute ${muted}`),
      close: () => void log.push(`close ${callId}`),
    }),
  };
  return { factory, log };
}

describe('the practice line', () => {
  let events: ReturnType<typeof createEventHub>;
  let seen: DialdeskEvent[];
  let attempts: CallAttemptRecord[];
  let media: ReturnType<typeof fakeMedia>;
  const clock = { now: new Date('2026-12-02T03:30:00Z') };

  const lineWith = (seed: number, ringTimeoutSeconds?: number) =>
    new PracticeLine({
      events,
      media: media.factory,
      now: () => clock.now,
      recordAttempt: (a) => void attempts.push(a),
      seed,
      // No words needed here: the far ends' sound is tested in far-end-audio.test.ts.
      voice: new FarEndVoice(async () => null),
      ringTimeoutSeconds: ringTimeoutSeconds === undefined ? undefined : () => ringTimeoutSeconds,
    });
  const statuses = (id: string) => seen.flatMap((e) => (e.type === 'sip.call' && e.call.id === id ? [e.call.status] : []));
  const ended = (id: string) => seen.find((e): e is Extract<DialdeskEvent, { type: 'sip.call' }> => e.type === 'sip.call' && e.call.id === id && e.call.status === 'ended')?.call;
  /** The far end's peer: answers each offer the line sends. */
  const answerOffers = (line: PracticeLine) =>
    events.subscribe((e) => {
      if (e.type === 'practice.far-end.offer') queueMicrotask(() => line.answerFromFarEnd(e.callId, 'v=0 far end'));
    });
  const settle = () => vi.advanceTimersByTimeAsync(0);

  beforeEach(() => {
    vi.useFakeTimers();
    events = createEventHub();
    seen = [];
    attempts = [];
    media = fakeMedia();
    events.subscribe((e) => seen.push(e));
  });
  afterEach(() => vi.useRealTimers());

  it('is registered without an account and says what it is', async () => {
    const line = lineWith(1);
    await line.start();
    expect(line.getAccount()).toBeNull();
    expect(line.getRegistration()).toMatchObject({ status: 'registered', aor: expect.stringMatching(/practice line/) });
    await expect(line.saveAccount()).rejects.toThrow(/leave practice to set up your SIP account/);
  });

  it('a box: rings, picks up once the far end answers the call’s own offer, and stays up until the rep hangs up', async () => {
    const line = lineWith(5);
    answerOffers(line);
    const call = await line.dial({ number: '+12125550101', leadId: 'lead-1' as CallView['leadId'] });
    await vi.advanceTimersByTimeAsync(drawFarEnd(5, 0).ringS * 1000 + 10);
    expect(statuses(call.id)).toEqual(['dialing', 'ringing', 'connected']);
    const offer = seen.find((e) => e.type === 'practice.far-end.offer');
    expect(offer).toMatchObject({ callId: call.id, sdp: 'v=0 offer' });
    expect(media.log).toContain('answer v=0 far end');
    // The ring timeout no longer applies once answered.
    await vi.advanceTimersByTimeAsync(25_000);
    expect(line.getCall(call.id).status).toBe('connected');
    await line.hangUp(call.id);
    await settle();
    expect(ended(call.id)).toMatchObject({ endReason: 'hangup-local', outcome: 'answered', sipStatus: 200 });
    expect(attempts).toEqual([expect.objectContaining({ leadId: 'lead-1', outcome: 'answered' })]);
    expect(seen.some((e) => e.type === 'practice.far-end.closed' && e.callId === call.id)).toBe(true);
    expect(line.practiceRun().calls).toEqual([expect.objectContaining({ index: 0, farEnd: 'voicemail', outcome: 'answered' })]);
  });

  it.each([
    ['busy', 'rejected', 486, 'busy'],
    ['not-in-service', 'rejected', 404, 'bad-number'],
  ] as const)('%s: the network refuses it (%s %i), recorded as %s', async (kind, endReason, sipStatus, outcome) => {
    const seed = seedWhereSecond(kind);
    const line = lineWith(seed);
    const first = await line.dial({ number: '+12125550101', leadId: null });
    await line.cancelCall(first.id);
    const call = await line.dial({ number: '+12125550102', leadId: 'lead-2' as CallView['leadId'] });
    await vi.advanceTimersByTimeAsync(5_000);
    expect(ended(call.id)).toMatchObject({ endReason, sipStatus, outcome });
    expect(statuses(call.id)).toEqual(['dialing', 'ringing', 'ended']);
    expect(attempts.at(-1)).toMatchObject({ leadId: 'lead-2', outcome });
  });

  it('no answer rings until the ring timeout, never under the law’s 15 s whatever is asked', async () => {
    const seed = seedWhereSecond('no-answer');
    const line = lineWith(seed, 5);
    await line.cancelCall((await line.dial({ number: '+12125550101', leadId: null })).id);
    const call = await line.dial({ number: '+12125550102', leadId: 'lead-3' as CallView['leadId'] });
    await vi.advanceTimersByTimeAsync(14_900);
    expect(line.getCall(call.id).status).toBe('ringing');
    await vi.advanceTimersByTimeAsync(200);
    expect(ended(call.id)).toMatchObject({ endReason: 'ring-timeout', outcome: 'no-answer' });
  });

  it('without an account it rings the default 25 s', async () => {
    const seed = seedWhereSecond('no-answer');
    const line = lineWith(seed);
    await line.cancelCall((await line.dial({ number: '+12125550101', leadId: null })).id);
    const call = await line.dial({ number: '+12125550102', leadId: null });
    await vi.advanceTimersByTimeAsync(24_900);
    expect(line.getCall(call.id).status).toBe('ringing');
    await vi.advanceTimersByTimeAsync(200);
    expect(line.getCall(call.id).outcome).toBe('no-answer');
  });

  it('Esc while it rings is the rep’s cancel, not counted against the lead', async () => {
    const line = lineWith(7);
    const call = await line.dial({ number: '+12125550101', leadId: 'lead-4' as CallView['leadId'] });
    await settle();
    expect(line.getCall(call.id).status).toBe('ringing');
    await line.cancelCall(call.id);
    await settle();
    expect(ended(call.id)).toMatchObject({ endReason: 'cancelled', outcome: 'canceled' });
    // A far end that picks up later changes nothing.
    await vi.advanceTimersByTimeAsync(10_000);
    expect(statuses(call.id)).toEqual(['dialing', 'ringing', 'ended']);
  });

  it('rejects what its state does not allow', async () => {
    const line = lineWith(9);
    answerOffers(line);
    const call = await line.dial({ number: '+12125550101', leadId: null });
    await settle();
    await expect(line.dial({ number: '+12125550102', leadId: null })).rejects.toThrow('Already on a call.');
    await expect(line.setMute(call.id, true)).rejects.toThrow('The call is not connected.');
    await expect(line.dial({ number: '+1', leadId: null, uri: 'sip:echo@pbx.example.com' })).rejects.toThrow(/no test calls/);
    await vi.advanceTimersByTimeAsync(5_000);
    await expect(line.cancelCall(call.id)).rejects.toThrow('The call was answered; hang up instead.');
    expect(() => line.answerFromFarEnd(call.id, 'v=0')).toThrow(/waiting for its far end/);
    await expect(line.setHold()).rejects.toThrow(/no hold/);
    await expect(line.answerInbound('x')).rejects.toThrow(/no inbound call/);
    await line.hangUp(call.id);
    await settle();
    // Ended is final: hanging up again returns the ended call, nothing moves.
    expect((await line.hangUp(call.id)).status).toBe('ended');
    expect(statuses(call.id).filter((s) => s === 'ended')).toHaveLength(1);
  });

  it('a far end that never answers the offer ends the call as media lost, not as the lead’s doing', async () => {
    const line = lineWith(5);
    const call = await line.dial({ number: '+12125550101', leadId: 'lead-5' as CallView['leadId'] });
    await vi.advanceTimersByTimeAsync(20_000);
    expect(ended(call.id)).toMatchObject({ endReason: 'media-lost', outcome: 'failed' });
  });

  it('the box or the person hangs up by themselves after a while', async () => {
    const line = lineWith(5);
    answerOffers(line);
    const call = await line.dial({ number: '+12125550101', leadId: null });
    await vi.advanceTimersByTimeAsync(120_000);
    expect(ended(call.id)).toMatchObject({ endReason: 'hangup-remote', outcome: 'answered' });
  });

  it('its window exemption is made only from a practice line', () => {
    const line = lineWith(1);
    expect(windowExemptionFor(line).line).toBe(line);
    expect(() => windowExemptionFor({} as PracticeLine)).toThrow(/only for a practice line/);
    const Forge = PracticeWindowExemption as unknown as new (token: symbol, line: unknown) => unknown;
    expect(() => new Forge(Symbol('practice-window-exemption'), line)).toThrow(/only for a practice line/);
  });
});
