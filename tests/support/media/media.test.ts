import { describe, expect, it } from 'vitest';
import { createEventHub } from '../../../main/core/api/event-hub.js';
import { linearToMulaw, mulawToLinear } from './g711.js';
import { buildDtmfPayload, buildRtp, parseDtmfPayload, parseRtp } from './rtp.js';
import { buildAudioSdp, parseRemoteAudio } from './sdp.js';
import { sineSource, zeroCrossingFrequency, rms } from './tone.js';
import { BridgeSessionDescriptionHandler } from '../../../main/core/sip/bridge-sdh.js';
import type { MediaBridge } from '../../../main/core/sip/media-bridge.js';
import { createRendererMedia } from '../../../main/core/sip/renderer-media.js';
import type { DialdeskEvent } from '../../../shared/contract/index.js';

describe('G.711 µ-law', () => {
  it('round-trips within the codec step and keeps a tone', () => {
    for (const s of [0, 1, -1, 100, -100, 1000, -1000, 8000, -8000, 32000, -32000]) {
      const back = mulawToLinear(linearToMulaw(s));
      expect(Math.abs(back - s)).toBeLessThanOrEqual(Math.max(8, Math.abs(s) * 0.07));
    }
    const tone = sineSource(440, 0.5)(8000);
    const decoded = Int16Array.from(tone, (s) => mulawToLinear(linearToMulaw(s)));
    expect(zeroCrossingFrequency(decoded)).toBeCloseTo(440, -1);
    expect(rms(decoded)).toBeCloseTo(0.354, 2);
  });
});

describe('RTP and RFC 4733', () => {
  it('builds and parses a packet', () => {
    const payload = Buffer.from([1, 2, 3]);
    const p = parseRtp(buildRtp({ payloadType: 0, marker: true, sequence: 65535, timestamp: 2 ** 32 - 1, ssrc: 42, payload }));
    expect(p).toMatchObject({ payloadType: 0, marker: true, sequence: 65535, timestamp: 2 ** 32 - 1, ssrc: 42 });
    expect([...p!.payload]).toEqual([1, 2, 3]);
  });

  it('ignores RTCP and non-RTP', () => {
    expect(parseRtp(Buffer.from([0x80, 200, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0]))).toBeNull();
    expect(parseRtp(Buffer.from('hello world!'))).toBeNull();
  });

  it('encodes telephone-events', () => {
    const e = { event: 11, end: true, volume: 10, duration: 1280 };
    expect(parseDtmfPayload(buildDtmfPayload(e))).toEqual(e);
  });
});

describe('SDP', () => {
  it('offers PCMU + telephone-event and parses a remote answer', () => {
    const offer = buildAudioSdp({ ip: '127.0.0.1', port: 4000, sessionId: 1, version: 0, direction: 'sendrecv', telephoneEventPt: 101 });
    expect(offer).toContain('m=audio 4000 RTP/AVP 0 101\r\n');
    expect(parseRemoteAudio(offer)).toEqual({ ip: '127.0.0.1', port: 4000, payloadTypes: [0, 101], telephoneEventPt: 101, direction: 'sendrecv' });
  });

  it('refuses remote audio without PCMU', () => {
    expect(() => parseRemoteAudio('v=0\r\nc=IN IP4 1.2.3.4\r\nm=audio 5 RTP/AVP 8\r\n')).toThrow(/PCMU/);
    expect(() => parseRemoteAudio('v=0\r\n')).toThrow(/no audio/);
  });

  it('reads the direction of a hold', () => {
    expect(parseRemoteAudio('v=0\r\nc=IN IP4 1.2.3.4\r\nm=audio 5 RTP/AVP 0\r\na=sendonly\r\n').direction).toBe('sendonly');
  });
});

describe('bridge SessionDescriptionHandler', () => {
  it('forwards to the bridge and remembers hold for later re-INVITEs', async () => {
    const calls: string[] = [];
    const bridge: MediaBridge = {
      getDescription: async ({ hold }) => (calls.push(`get hold=${hold}`), { body: 'sdp', contentType: 'application/sdp' }),
      setDescription: async (sdp, { hold }) => void calls.push(`set ${sdp} hold=${hold}`),
      sendDtmf: async (tones) => (calls.push(`dtmf ${tones}`), true),
      setMute: async () => {},
      close: () => void calls.push('close'),
    };
    const sdh = new BridgeSessionDescriptionHandler(bridge);
    await sdh.getDescription({ hold: true } as object);
    await sdh.setDescription('answer');
    await sdh.getDescription();
    expect(sdh.sendDtmf('5')).toBe(true);
    sdh.close();
    expect(calls).toEqual(['get hold=true', 'set answer hold=true', 'get hold=true', 'dtmf 5']);
    expect(sdh.hasDescription('application/sdp')).toBe(true);
    expect(sdh.hasDescription('text/plain')).toBe(false);
  });
});

describe('renderer media bridge protocol', () => {
  const setup = (timeoutMs = 1000) => {
    const hub = createEventHub();
    const requests: Array<Extract<DialdeskEvent, { type: 'sip.media.request' }>['request']> = [];
    hub.subscribe((e) => e.type === 'sip.media.request' && requests.push(e.request));
    const factory = createRendererMedia({ events: hub, timeoutMs });
    const lost: string[] = [];
    factory.onMediaLost!((callId, why) => lost.push(`${callId}: ${why}`));
    return { factory, requests, lost, bridge: factory.create({ callId: 'c1', direction: 'outbound', iceServers: ['stun:s:3478'] }) };
  };

  it('sends each step as a request and resolves with the matching response', async () => {
    const { factory, requests, bridge } = setup();
    const offer = bridge.getDescription({ hold: false });
    expect(requests).toEqual([{ id: expect.any(String), callId: 'c1', op: 'getDescription', hold: false, iceServers: ['stun:s:3478'] }]);
    factory.respond!({ id: 'unrelated', ok: true });
    factory.respond!({ id: requests[0].id, ok: true, description: { body: 'v=0', contentType: 'application/sdp' } });
    await expect(offer).resolves.toEqual({ body: 'v=0', contentType: 'application/sdp' });

    const set = bridge.setDescription('answer-sdp', { hold: false });
    factory.respond!({ id: requests[1].id, ok: false, error: 'no microphone' });
    await expect(set).rejects.toThrow('no microphone');
  });

  it('reports DTMF as not sent when the page says the far end takes no RFC 4733 events', async () => {
    const { factory, requests, bridge } = setup();
    const first = bridge.sendDtmf('1', { durationMs: 160, gapMs: 80 });
    factory.respond!({ id: requests[0].id, ok: true, sent: true });
    await expect(first).resolves.toBe(true);
    const second = bridge.sendDtmf('2', { durationMs: 160, gapMs: 80 });
    factory.respond!({ id: requests[1].id, ok: true, sent: false });
    await expect(second).resolves.toBe(false);
  });

  it('a renderer that never answers is reported as media lost', async () => {
    const { lost, bridge } = setup(30);
    await expect(bridge.getDescription({ hold: false })).rejects.toThrow(/did not answer getDescription/);
    expect(lost).toEqual(['c1: media module did not answer getDescription']);
  });
});
