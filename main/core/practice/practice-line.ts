/**
 * The practice line: the SIP line's interface (SipService) over far ends Dialdesk plays itself.
 * It places no network call. The call's media is the real thing: the renderer's RTCPeerConnection
 * for the call (the same MediaBridge a SIP call uses) makes the offer, and a second peer in the
 * renderer, the far end, answers it and plays the far end's audio into the call, so the beep
 * detector, the automatic drop, the read-out and the opener run exactly as on a real call.
 *
 *   dial ──▶ dialing ──offer made──▶ ringing ──ringS──┬─ a box or a person picks up:
 *              │                       │              │    far-end offer ─▶ practiceAnswer ─▶ connected ──▶ ended
 *              │                       │              ├─ busy ─────────────▶ ended (486, busy)         (rep hangs up,
 *              │                       │              ├─ not in service ───▶ ended (404, bad number)    box/person
 *              │                       │              └─ nobody: ring timeout ▶ ended (no-answer)        hangs up)
 *              └──── Esc (cancel), media lost, the far end's answer never comes ──────▶ ended
 *
 * Every status change goes through the call state machine (sip/call-machine.ts), which rejects
 * an illegal transition; outcomes come from the same rule as a SIP call's (sip/outcome.ts).
 */
import { randomUUID } from 'node:crypto';
import type { LeadId } from '../../../shared/domain.js';
import type { PracticeCallRecord, PracticeRun } from '../../../shared/contract/practice.js';
import { RING_TIMEOUT_DEFAULT_SECONDS, RING_TIMEOUT_MIN_SECONDS, type CallEndReason, type CallStatus, type CallView, type MediaResponse, type RegistrationState, type SipAccountView } from '../../../shared/sip.js';
import { encodeWav16 } from '../../../shared/voicemail/wav-encode.js';
import { LINE_RATE } from '../../../shared/voicemail/signals.js';
import { ApiFailure } from '../api/api-failure.js';
import type { EventHub } from '../api/event-hub.js';
import { assertCallTransition } from '../sip/call-machine.js';
import type { MediaBridge, MediaBridgeFactory } from '../sip/media-bridge.js';
import { outcomeForOutbound } from '../sip/outcome.js';
import type { CallAttemptRecord, SipService } from '../sip/sip-service.js';
import { drawFarEnd, type FarEnd } from './far-end-draw.js';
import { renderFarEndAudio, type FarEndVoice } from './far-end-audio.js';

export interface PracticeLineDeps {
  events: EventHub;
  media: MediaBridgeFactory;
  now: () => Date;
  recordAttempt: (attempt: CallAttemptRecord) => void | Promise<void>;
  /** The run's seed: the n-th call meets drawFarEnd(seed, n). */
  seed: number;
  voice: FarEndVoice;
  /** The account's ring timeout when there is one, else the default; never below the law's 15 s. */
  ringTimeoutSeconds?: () => number | null;
  /** How long the far-end peer may take to answer the offer. Default 10 s. */
  answerTimeoutMs?: number;
  /** How long a person waits for the rep, and a box records, before hanging up. Default 30 s. */
  farEndPatienceS?: number;
  log?: (message: string) => void;
}

/** The practice line's registration: always up, and saying what it is. */
export const PRACTICE_AOR = 'the practice line (no call leaves this computer)';

interface PracticeCall {
  view: CallView;
  farEnd: FarEnd;
  bridge: MediaBridge;
  timers: NodeJS.Timeout[];
  record: PracticeCallRecord;
  cancelledBy: 'rep' | 'ring-timeout' | null;
  answer: { resolve: (sdp: string) => void; reject: (error: Error) => void } | null;
}

export class PracticeLine implements SipService {
  private readonly calls = new Map<string, PracticeCall>();
  private readonly run: PracticeRun;
  private dialled = 0;
  private closed = false;
  private readonly registration: RegistrationState;

  constructor(private readonly deps: PracticeLineDeps) {
    const now = deps.now().toISOString();
    this.run = { seed: deps.seed >>> 0, calls: [], firstVoicemailLeftAt: null, enteredAt: now };
    this.registration = { status: 'registered', reason: null, offlineSince: null, nextRetryAt: null, registeredAt: now, aor: PRACTICE_AOR };
    deps.media.onMediaLost?.((callId, why) => {
      const call = this.active(callId);
      if (call) this.end(call, 'media-lost', null, why);
    });
  }

  // ---- the practice run -------------------------------------------------------------------

  /** Who the calls met so far. */
  practiceRun(): PracticeRun {
    return { ...this.run, calls: this.run.calls.map((c) => ({ ...c })) };
  }

  /** A voicemail was left on a practice call: the first one's time is the first minute's figure. */
  noteVoicemailLeft(at: Date): void {
    this.run.firstVoicemailLeftAt ??= at.toISOString();
  }

  /** The far-end peer's answer to a call's offer. */
  answerFromFarEnd(callId: string, sdp: string): void {
    const call = this.active(callId);
    if (!call?.answer) throw new ApiFailure('not-found', `No practice call ${callId} is waiting for its far end.`);
    call.answer.resolve(sdp);
  }

  farEndFailed(callId: string, error: string): void {
    const call = this.active(callId);
    if (call) this.end(call, 'media-lost', null, `the practice far end failed: ${error}`);
  }

  // ---- SipService: the account and the line ------------------------------------------------

  getAccount(): SipAccountView | null {
    return null;
  }

  saveAccount(): Promise<SipAccountView> {
    return Promise.reject(new ApiFailure('refused', 'Practice has no phone account: leave practice to set up your SIP account.'));
  }

  getRegistration(): RegistrationState {
    return { ...this.registration };
  }

  retryRegistration(): RegistrationState {
    return this.getRegistration();
  }

  async start(): Promise<void> {
    this.deps.events.emit({ type: 'sip.registration', registration: this.getRegistration() });
  }

  setDialBlockActive(): void {
    // No inbound call ever reaches the practice line: nothing to suppress.
  }

  // ---- calls --------------------------------------------------------------------------------

  listCalls(): CallView[] {
    return [...this.calls.values()].map((c) => ({ ...c.view }));
  }

  getCall(callId: string): CallView {
    return { ...this.entry(callId).view };
  }

  async dial(input: { number: string; leadId: LeadId | null; uri?: string }): Promise<CallView> {
    if (this.closed) throw new ApiFailure('unavailable', 'The practice line is closed.');
    if (input.uri !== undefined) throw new ApiFailure('refused', 'The practice line has no test calls: leave practice to test your phone.');
    if ([...this.calls.values()].some((c) => c.view.status !== 'ended')) throw new ApiFailure('conflict', 'Already on a call.');
    const index = this.dialled++;
    const farEnd = drawFarEnd(this.run.seed, index);
    const id = randomUUID();
    const startedAt = this.deps.now().toISOString();
    const view: CallView = {
      id,
      direction: 'outbound',
      status: 'dialing',
      number: input.number,
      remoteUri: `practice:${input.number}`,
      displayName: '',
      leadId: input.leadId,
      startedAt,
      answeredAt: null,
      endedAt: null,
      endReason: null,
      sipStatus: null,
      outcome: null,
      muted: false,
      held: false,
    };
    const record: PracticeCallRecord = { callId: id, leadId: input.leadId, index, farEnd: farEnd.kind, beep: farEnd.beep?.kind ?? null, note: null, startedAt, endedAt: null, outcome: null };
    this.run.calls.push(record);
    const bridge = this.deps.media.create({ callId: id, direction: 'outbound', iceServers: [] });
    const call: PracticeCall = { view, farEnd, bridge, timers: [], record, cancelledBy: null, answer: null };
    this.calls.set(id, call);
    this.prune();
    this.emit(call, null);
    void this.ring(call).catch((error: unknown) => {
      if (call.view.status !== 'ended') this.end(call, 'media-lost', null, String(error));
    });
    return { ...view };
  }

  async cancelCall(callId: string): Promise<CallView> {
    const call = this.entry(callId);
    if (call.view.status === 'connected') throw new ApiFailure('conflict', 'The call was answered; hang up instead.');
    if (call.view.status !== 'ended') {
      call.cancelledBy = 'rep';
      this.end(call, 'cancelled', 487);
    }
    return { ...call.view };
  }

  async hangUp(callId: string): Promise<CallView> {
    const call = this.entry(callId);
    if (call.view.status === 'ended') return { ...call.view };
    if (call.view.status !== 'connected') return this.cancelCall(callId);
    this.end(call, 'hangup-local', 200);
    return { ...call.view };
  }

  async setMute(callId: string, muted: boolean): Promise<CallView> {
    const call = this.connected(callId);
    await call.bridge.setMute(muted);
    call.view.muted = muted;
    this.emit(call, call.view.status);
    return { ...call.view };
  }

  async setHold(): Promise<CallView> {
    throw new ApiFailure('unavailable', 'The practice line has no hold: a practice far end never waits on hold.');
  }

  async sendDtmf(callId: string, tones: string): Promise<CallView> {
    const call = this.connected(callId);
    await call.bridge.sendDtmf(tones, { durationMs: 100, gapMs: 70 });
    return { ...call.view };
  }

  answerInbound(callId: string): Promise<CallView> {
    return Promise.reject(new ApiFailure('not-found', `No call ${callId}: no inbound call reaches the practice line.`));
  }

  declineInbound(callId: string): Promise<CallView> {
    return this.answerInbound(callId);
  }

  mediaRespond(response: MediaResponse): void {
    if (!this.deps.media.respond) throw new ApiFailure('refused', 'Media runs in the core here; no renderer answers expected.');
    this.deps.media.respond(response);
  }

  async mediaReset(why = 'media module restarted'): Promise<{ endedCalls: number }> {
    const active = [...this.calls.values()].filter((c) => c.view.status !== 'ended');
    for (const call of active) this.end(call, 'media-lost', null, why);
    return { endedCalls: active.length };
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const call of this.calls.values()) if (call.view.status !== 'ended') this.end(call, 'hangup-local', call.view.answeredAt ? 200 : null, 'practice closed');
  }

  // ---- one call's life ----------------------------------------------------------------------

  private async ring(call: PracticeCall): Promise<void> {
    const { farEnd } = call;
    // Rendering the far end's words starts at once; it is ready long before anyone picks up.
    const audio = farEnd.kind === 'voicemail' || farEnd.kind === 'person' ? renderFarEndAudio(farEnd, this.deps.voice, this.run.seed ^ call.record.index) : null;
    audio?.catch(() => undefined);
    const offer = await call.bridge.getDescription({ hold: false });
    if (isEnded(call)) return;
    this.setStatus(call, 'ringing');
    const ringTimeoutS = Math.max(RING_TIMEOUT_MIN_SECONDS, this.deps.ringTimeoutSeconds?.() ?? RING_TIMEOUT_DEFAULT_SECONDS);
    this.after(call, ringTimeoutS, () => {
      call.cancelledBy = 'ring-timeout';
      this.end(call, 'ring-timeout', 487);
    });
    if (farEnd.kind === 'no-answer') return;
    await this.sleep(call, farEnd.ringS);
    if (isEnded(call)) return;
    if (farEnd.kind === 'busy') return this.end(call, 'rejected', 486);
    if (farEnd.kind === 'not-in-service') return this.end(call, 'rejected', 404);
    const played = await audio!;
    if (isEnded(call)) return;
    call.record.note = played.note;
    const wavBase64 = Buffer.from(encodeWav16(played.samples, LINE_RATE)).toString('base64');
    const answer = await new Promise<string>((resolve, reject) => {
      call.answer = { resolve, reject };
      this.after(call, (this.deps.answerTimeoutMs ?? 10_000) / 1000, () => reject(new Error('the practice far end did not answer the offer')));
      this.deps.events.emit({ type: 'practice.far-end.offer', callId: call.view.id, sdp: offer.body, wavBase64, note: played.note });
    }).finally(() => (call.answer = null));
    if (isEnded(call)) return;
    await call.bridge.setDescription(answer, { hold: false });
    if (isEnded(call)) return;
    for (const t of call.timers) clearTimeout(t);
    call.timers = [];
    this.setStatus(call, 'connected');
    // A person waits a while for the rep to speak; a box records a while after its beep. Then they hang up.
    const patienceS = this.deps.farEndPatienceS ?? 30;
    this.after(call, played.samples.length / LINE_RATE + patienceS, () => this.end(call, 'hangup-remote', 200));
  }

  private setStatus(call: PracticeCall, status: CallStatus): void {
    const previous = call.view.status;
    assertCallTransition(previous, status);
    call.view.status = status;
    if (status === 'connected') call.view.answeredAt = this.deps.now().toISOString();
    this.emit(call, previous);
  }

  /** The one way a practice call ends: state, outcome, media, the attempt, then the event. */
  private end(call: PracticeCall, reason: CallEndReason, sipStatus: number | null, why?: string): void {
    if (call.view.status === 'ended') return;
    const previous = call.view.status;
    assertCallTransition(previous, 'ended');
    if (why) this.deps.log?.(`practice call ${call.view.id} ended: ${why}`);
    for (const t of call.timers) clearTimeout(t);
    call.timers = [];
    call.answer?.reject(new Error('the call ended'));
    const view = call.view;
    view.status = 'ended';
    view.endReason = reason;
    view.endedAt = this.deps.now().toISOString();
    view.sipStatus = sipStatus;
    view.outcome = outcomeForOutbound({ answered: view.answeredAt !== null, sipStatus, cancelledBy: view.answeredAt ? null : call.cancelledBy });
    call.record.endedAt = view.endedAt;
    call.record.outcome = view.outcome;
    try {
      call.bridge.close();
    } catch (error) {
      this.deps.log?.(`closing practice media failed: ${String(error)}`);
    }
    this.deps.events.emit({ type: 'practice.far-end.closed', callId: view.id });
    const recorded = view.leadId
      ? Promise.resolve()
          .then(() => this.deps.recordAttempt({ callId: view.id, leadId: view.leadId!, outcome: view.outcome!, startedAt: view.startedAt, endedAt: view.endedAt!, sipStatus, source: 'call' }))
          .catch((error: unknown) => this.deps.log?.(`recording a practice attempt failed: ${String(error)}`))
      : Promise.resolve();
    // As on the SIP line: the attempt is on disk before anyone hears the call ended.
    void recorded.then(() => this.emit(call, previous));
  }

  private emit(call: PracticeCall, previous: CallStatus | null): void {
    this.deps.events.emit({ type: 'sip.call', call: { ...call.view }, previous });
  }

  private after(call: PracticeCall, seconds: number, fn: () => void): void {
    call.timers.push(setTimeout(fn, Math.max(0, seconds * 1000)));
  }

  private sleep(call: PracticeCall, seconds: number): Promise<void> {
    return new Promise((resolve) => this.after(call, seconds, resolve));
  }

  private entry(callId: string): PracticeCall {
    const call = this.calls.get(callId);
    if (!call) throw new ApiFailure('not-found', `No call ${callId}`);
    return call;
  }

  private active(callId: string): PracticeCall | undefined {
    const call = this.calls.get(callId);
    return call && call.view.status !== 'ended' ? call : undefined;
  }

  private connected(callId: string): PracticeCall {
    const call = this.entry(callId);
    if (call.view.status !== 'connected') throw new ApiFailure('conflict', 'The call is not connected.');
    return call;
  }

  private prune(): void {
    const ended = [...this.calls.values()].filter((c) => c.view.status === 'ended');
    for (const c of ended.slice(0, Math.max(0, ended.length - 20))) this.calls.delete(c.view.id);
  }
}

/** Read fresh after each wait: the call may have ended meanwhile (Esc, media lost, ring timeout). */
function isEnded(call: PracticeCall): boolean {
  return call.view.status === 'ended';
}
