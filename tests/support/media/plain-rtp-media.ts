import { createSocket, type Socket } from 'node:dgram';
import { randomInt } from 'node:crypto';
import type { MediaBridge, MediaBridgeFactory, MediaCallInfo } from '../../../main/core/sip/media-bridge.js';
import { linearToMulaw, MULAW_SILENCE, mulawToLinear } from './g711.js';
import { buildDtmfPayload, buildRtp, dtmfEventCode, dtmfKey, parseDtmfPayload, parseRtp } from './rtp.js';
import { buildAudioSdp, parseRemoteAudio, type Direction, type RemoteAudio } from './sdp.js';
import { SAMPLE_RATE } from './tone.js';

/** 20 ms of 8 kHz audio per packet, as every PBX expects by default. */
const FRAME = 160;
const FRAME_MS = 20;
/** The telephone-event payload type we offer (the usual dynamic one). */
const OUR_TE_PT = 101;

export interface PlainRtpOptions {
  /** Address to bind and announce (loopback in tests). */
  ip?: string;
  /** Audio to send: next `count` samples (16-bit). Default silence. */
  source?: (call: MediaCallInfo) => ((count: number) => Int16Array) | null;
  /** Called for each call's media once created (tests read what it received). */
  onSession?: (session: PlainRtpSession) => void;
}

/**
 * Real RTP from Node: G.711 µ-law over UDP with RFC 4733 DTMF, behind the same MediaBridge the
 * renderer's WebRTC module implements. The CLI and lab tests use it to put actual audio on a call.
 */
export function createPlainRtpMedia(options: PlainRtpOptions = {}): MediaBridgeFactory & { sessions: Map<string, PlainRtpSession> } {
  const sessions = new Map<string, PlainRtpSession>();
  return {
    sessions,
    create(call) {
      const session = new PlainRtpSession(call, options.ip ?? '127.0.0.1', options.source?.(call) ?? null);
      sessions.set(call.callId, session);
      options.onSession?.(session);
      return session;
    },
  };
}

export class PlainRtpSession implements MediaBridge {
  /** Decoded audio received, in arrival order (16-bit, 8 kHz). */
  readonly received: Int16Array[] = [];
  /** RFC 4733 digits received, once per event. */
  receivedDtmf = '';
  packetsSent = 0;
  packetsReceived = 0;
  private socket: Socket | null = null;
  private binding: Promise<number> | null = null;
  private remote: RemoteAudio | null = null;
  /** Offer/answer bookkeeping: an SDP we get is an answer only if we have an offer out. */
  private remoteOfferPending = false;
  private awaitingAnswer = false;
  private localDirection: Direction = 'sendrecv';
  private readonly sessionId = randomInt(1, 2 ** 31);
  private version = 0;
  private readonly ssrc = randomInt(1, 2 ** 31);
  private sequence = randomInt(0, 0xffff);
  private timestamp = randomInt(0, 2 ** 31);
  private timer: NodeJS.Timeout | null = null;
  private sendStartedAt = 0;
  private framesSent = 0;
  private muted = false;
  /** We put the call on hold: no music on hold here, so nothing is sent until resumed. */
  private holding = false;
  private dtmfBusy: Promise<unknown> = Promise.resolve();
  private dtmfActive = false;
  private lastDtmfTimestamp = -1;
  private closed = false;
  private readonly dtmfListeners = new Set<(digits: string) => void>();

  constructor(
    readonly call: MediaCallInfo,
    private readonly ip: string,
    private readonly source: ((count: number) => Int16Array) | null,
  ) {}

  /** All received audio as one buffer. */
  receivedAudio(): Int16Array {
    const out = new Int16Array(this.received.reduce((n, c) => n + c.length, 0));
    let offset = 0;
    for (const c of this.received) {
      out.set(c, offset);
      offset += c.length;
    }
    return out;
  }

  /** Resolves once `digits` have all been received as RFC 4733 events. */
  waitForDtmf(digits: string, timeoutMs: number): Promise<string> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (this.receivedDtmf.includes(digits)) {
          clearTimeout(timer);
          this.dtmfListeners.delete(check);
          resolve(this.receivedDtmf);
        }
      };
      const timer = setTimeout(() => {
        this.dtmfListeners.delete(check);
        reject(new Error(`DTMF "${digits}" not received within ${timeoutMs} ms (got "${this.receivedDtmf}")`));
      }, timeoutMs);
      this.dtmfListeners.add(check);
      check();
    });
  }

  async getDescription({ hold }: { hold: boolean }): Promise<{ body: string; contentType: string }> {
    const port = await this.bind();
    this.holding = hold;
    this.localDirection = this.directionFor(hold);
    const body = buildAudioSdp({
      ip: this.ip,
      port,
      sessionId: this.sessionId,
      version: this.version++,
      direction: this.localDirection,
      // In an answer, telephone-event only if the offer had it (RFC 3264).
      telephoneEventPt: this.remoteOfferPending ? (this.remote?.telephoneEventPt ?? null) : OUR_TE_PT,
    });
    this.awaitingAnswer = !this.remoteOfferPending;
    this.remoteOfferPending = false;
    this.updateSending();
    return { body, contentType: 'application/sdp' };
  }

  async setDescription(sdp: string, { hold }: { hold: boolean }): Promise<void> {
    await this.bind();
    this.remote = parseRemoteAudio(sdp);
    this.remoteOfferPending = !this.awaitingAnswer;
    this.awaitingAnswer = false;
    this.holding = hold;
    this.localDirection = this.directionFor(hold);
    this.updateSending();
  }

  async sendDtmf(tones: string, { durationMs, gapMs }: { durationMs: number; gapMs: number }): Promise<boolean> {
    const pt = this.remote?.telephoneEventPt ?? null;
    if (pt === null || !this.socket) return false;
    const run = this.dtmfBusy.then(async () => {
      for (const key of tones) {
        await this.sendDtmfEvent(pt, dtmfEventCode(key), durationMs);
        await delay(gapMs);
      }
    });
    this.dtmfBusy = run.catch(() => {});
    await run;
    return true;
  }

  async setMute(muted: boolean): Promise<void> {
    this.muted = muted;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.socket?.close();
    this.socket = null;
  }

  get localPort(): number | null {
    const address = this.socket?.address();
    return address ? address.port : null;
  }

  private directionFor(hold: boolean): Direction {
    const remote = this.remote?.direction ?? 'sendrecv';
    const remoteSends = remote === 'sendrecv' || remote === 'sendonly';
    if (hold) return remoteSends ? 'sendonly' : 'inactive';
    return remote === 'sendonly' ? 'recvonly' : remote === 'inactive' ? 'inactive' : 'sendrecv';
  }

  private bind(): Promise<number> {
    if (this.closed) return Promise.reject(new Error('media closed'));
    this.binding ??= new Promise((resolve, reject) => {
      const socket = createSocket('udp4');
      socket.once('error', reject);
      socket.on('message', (data) => this.onPacket(data));
      socket.bind(0, this.ip, () => {
        socket.off('error', reject);
        socket.on('error', () => {}); // ICMP unreachable while the far end is gone: not fatal
        this.socket = socket;
        resolve(socket.address().port);
      });
    });
    return this.binding;
  }

  private onPacket(data: Buffer): void {
    const packet = parseRtp(data);
    if (!packet) return;
    this.packetsReceived++;
    if (packet.payloadType === 0) {
      const samples = new Int16Array(packet.payload.length);
      for (let i = 0; i < packet.payload.length; i++) samples[i] = mulawToLinear(packet.payload[i]);
      this.received.push(samples);
    } else if (packet.payloadType === this.remote?.telephoneEventPt || packet.payloadType === OUR_TE_PT) {
      const event = parseDtmfPayload(packet.payload);
      // The end packet is sent three times; the timestamp identifies the event.
      if (event?.end && packet.timestamp !== this.lastDtmfTimestamp) {
        this.lastDtmfTimestamp = packet.timestamp;
        const key = dtmfKey(event.event);
        if (key) {
          this.receivedDtmf += key;
          for (const l of [...this.dtmfListeners]) l(this.receivedDtmf);
        }
      }
    }
  }

  private canSend(): boolean {
    const remote = this.remote;
    if (!remote || !this.socket || this.closed || remote.port === 0) return false;
    const weSend = (this.localDirection === 'sendrecv' || this.localDirection === 'sendonly') && !this.holding;
    const theyReceive = remote.direction === 'sendrecv' || remote.direction === 'recvonly';
    return weSend && theyReceive;
  }

  /** Starts or stops the 20 ms packet clock as directions change (answer, hold, resume). */
  private updateSending(): void {
    if (this.canSend() && !this.timer) {
      this.sendStartedAt = Date.now();
      this.framesSent = 0;
      // A 10 ms tick sending every frame that is due keeps 50 packets/s despite timer jitter.
      this.timer = setInterval(() => this.sendDueFrames(), FRAME_MS / 2);
    } else if (!this.canSend() && this.timer) {
      clearInterval(this.timer);
      this.timer = null;
    }
  }

  private sendDueFrames(): void {
    const due = Math.floor((Date.now() - this.sendStartedAt) / FRAME_MS);
    while (this.framesSent < due) {
      this.framesSent++;
      const samples = this.source?.(FRAME);
      if (this.dtmfActive) {
        // RFC 4733 §2.5.1.1: the event replaces the audio; the audio clock keeps running.
        this.timestamp += FRAME;
        continue;
      }
      const payload = Buffer.alloc(FRAME, MULAW_SILENCE);
      if (samples && !this.muted) for (let i = 0; i < FRAME; i++) payload[i] = linearToMulaw(samples[i] ?? 0);
      this.send(0, false, this.timestamp, payload);
      this.timestamp += FRAME;
    }
  }

  private async sendDtmfEvent(pt: number, event: number, durationMs: number): Promise<void> {
    this.dtmfActive = true;
    const start = this.timestamp;
    const total = Math.round((durationMs / 1000) * SAMPLE_RATE);
    try {
      for (let elapsed = FRAME, first = true; elapsed < total; elapsed += FRAME, first = false) {
        this.send(pt, first, start, buildDtmfPayload({ event, end: false, volume: 10, duration: elapsed }));
        await delay(FRAME_MS);
      }
      // The end packet three times (RFC 4733 §2.5.1.4): one may be lost.
      for (let i = 0; i < 3; i++) this.send(pt, false, start, buildDtmfPayload({ event, end: true, volume: 10, duration: total }));
    } finally {
      this.dtmfActive = false;
    }
  }

  private send(payloadType: number, marker: boolean, timestamp: number, payload: Buffer): void {
    const remote = this.remote;
    if (!remote || !this.socket) return;
    const packet = buildRtp({ payloadType, marker, sequence: this.sequence, timestamp, ssrc: this.ssrc, payload });
    this.sequence = (this.sequence + 1) & 0xffff;
    this.packetsSent++;
    this.socket.send(packet, remote.port, remote.ip);
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
