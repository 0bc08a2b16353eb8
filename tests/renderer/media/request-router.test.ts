import { describe, expect, it } from 'vitest';
import type { MediaOperation, MediaRequest } from '../../../shared/sip.js';
import { MediaRequestRouter, type CallMedia } from '../../../renderer/media/request-router.js';

/** A CallMedia that logs each step and can be made slow or failing. */
function fakeMedia(log: string[], callId: string, options: { slowSet?: Promise<void>; failGet?: Error; noTelephoneEvent?: boolean } = {}): CallMedia {
  return {
    async getDescription({ hold }) {
      log.push(`${callId} get hold=${hold}`);
      if (options.failGet) throw options.failGet;
      return { body: `sdp-${callId}`, contentType: 'application/sdp' };
    },
    async setDescription(sdp) {
      log.push(`${callId} set ${sdp} start`);
      await options.slowSet;
      log.push(`${callId} set ${sdp} done`);
    },
    async sendDtmf(tones) {
      log.push(`${callId} dtmf ${tones}`);
      return !options.noTelephoneEvent;
    },
    setMute(muted) {
      log.push(`${callId} mute ${muted}`);
    },
    close() {
      log.push(`${callId} close`);
    },
  };
}

const req = (id: string, callId: string, op: MediaOperation): MediaRequest => ({ id, callId, ...op });

describe('media request routing', () => {
  it('makes one media per call on its first description step and answers with the same id', async () => {
    const log: string[] = [];
    const made: string[] = [];
    const router = new MediaRequestRouter((callId) => {
      made.push(callId);
      return fakeMedia(log, callId);
    });
    const a = await router.handle(req('r1', 'c1', { op: 'getDescription', hold: false, iceServers: [] }));
    expect(a).toEqual({ id: 'r1', ok: true, description: { body: 'sdp-c1', contentType: 'application/sdp' } });
    expect(await router.handle(req('r2', 'c1', { op: 'setDescription', sdp: 'answer', hold: false, iceServers: [] }))).toEqual({ id: 'r2', ok: true });
    expect(await router.handle(req('r3', 'c2', { op: 'setDescription', sdp: 'offer', hold: false, iceServers: [] }))).toEqual({ id: 'r3', ok: true });
    expect(made).toEqual(['c1', 'c2']);
    expect(router.activeCalls).toEqual(['c1', 'c2']);
  });

  it('runs one call\'s steps in arrival order even when a step is slow', async () => {
    const log: string[] = [];
    let release!: () => void;
    const slowSet = new Promise<void>((r) => (release = r));
    const router = new MediaRequestRouter((callId) => fakeMedia(log, callId, { slowSet }));
    const set = router.handle(req('r1', 'c1', { op: 'setDescription', sdp: 'offer', hold: false, iceServers: [] }));
    const get = router.handle(req('r2', 'c1', { op: 'getDescription', hold: true, iceServers: [] }));
    await Promise.resolve();
    expect(log).toEqual(['c1 set offer start']);
    release();
    await Promise.all([set, get]);
    expect(log).toEqual(['c1 set offer start', 'c1 set offer done', 'c1 get hold=true']);
  });

  it('routes DTMF and mute to the call, and refuses them for a call without media', async () => {
    const log: string[] = [];
    const router = new MediaRequestRouter((callId) => fakeMedia(log, callId));
    expect(await router.handle(req('r0', 'c1', { op: 'sendDtmf', tones: '1', durationMs: 100, gapMs: 70 }))).toMatchObject({ id: 'r0', ok: false });
    await router.handle(req('r1', 'c1', { op: 'getDescription', hold: false, iceServers: [] }));
    expect(await router.handle(req('r2', 'c1', { op: 'sendDtmf', tones: '12#', durationMs: 160, gapMs: 80 }))).toEqual({ id: 'r2', ok: true, sent: true });
    expect(await router.handle(req('r3', 'c1', { op: 'setMute', muted: true }))).toEqual({ id: 'r3', ok: true });
    expect(log).toEqual(['c1 get hold=false', 'c1 dtmf 12#', 'c1 mute true']);
  });

  it('answers sent: false when the far end takes no RFC 4733 events, so main falls back to SIP INFO', async () => {
    const router = new MediaRequestRouter((callId) => fakeMedia([], callId, { noTelephoneEvent: true }));
    await router.handle(req('r1', 'c1', { op: 'getDescription', hold: false, iceServers: [] }));
    expect(await router.handle(req('r2', 'c1', { op: 'sendDtmf', tones: '5', durationMs: 160, gapMs: 80 }))).toEqual({ id: 'r2', ok: true, sent: false });
  });

  it('turns a failing step into an error answer, not a throw', async () => {
    const error = new DOMException('Permission denied', 'NotAllowedError');
    const router = new MediaRequestRouter((callId) => fakeMedia([], callId, { failGet: error }));
    expect(await router.handle(req('r1', 'c1', { op: 'getDescription', hold: false, iceServers: [] }))).toEqual({
      id: 'r1',
      ok: false,
      error: 'NotAllowedError: Permission denied',
    });
    const throwing = new MediaRequestRouter(() => {
      throw new Error('no RTCPeerConnection here');
    });
    expect(await throwing.handle(req('r2', 'c9', { op: 'getDescription', hold: false, iceServers: [] }))).toEqual({
      id: 'r2',
      ok: false,
      error: 'no RTCPeerConnection here',
    });
  });

  it('close answers at once, releases after queued steps, and later steps of that call are refused', async () => {
    const log: string[] = [];
    let release!: () => void;
    const slowSet = new Promise<void>((r) => (release = r));
    const router = new MediaRequestRouter((callId) => fakeMedia(log, callId, { slowSet }));
    const set = router.handle(req('r1', 'c1', { op: 'setDescription', sdp: 'offer', hold: false, iceServers: [] }));
    expect(await router.handle(req('r2', 'c1', { op: 'close' }))).toEqual({ id: 'r2', ok: true });
    expect(router.activeCalls).toEqual([]);
    expect(log).not.toContain('c1 close');
    release();
    await set;
    await new Promise((r) => setTimeout(r, 0));
    expect(log.at(-1)).toBe('c1 close');
    expect(await router.handle(req('r3', 'c1', { op: 'getDescription', hold: false, iceServers: [] }))).toMatchObject({ id: 'r3', ok: false });
    // Closing a call that never had media is fine too.
    expect(await router.handle(req('r4', 'c7', { op: 'close' }))).toEqual({ id: 'r4', ok: true });
  });

  it('closeAll releases every call', async () => {
    const log: string[] = [];
    const router = new MediaRequestRouter((callId) => fakeMedia(log, callId));
    await router.handle(req('r1', 'a', { op: 'getDescription', hold: false, iceServers: [] }));
    await router.handle(req('r2', 'b', { op: 'getDescription', hold: false, iceServers: [] }));
    router.closeAll();
    expect(log.filter((l) => l.endsWith('close')).sort()).toEqual(['a close', 'b close']);
    expect(router.activeCalls).toEqual([]);
  });
});
