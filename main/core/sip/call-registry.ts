import { Invitation, Inviter, SessionState, type Session } from 'sip.js';
import type { InboundResponse } from '../../../shared/domain.js';
import type { CallEndReason, CallStatus, CallView } from '../../../shared/sip.js';
import { ApiFailure } from '../api/api-failure.js';
import { BridgeSessionDescriptionHandler } from './bridge-sdh.js';
import { assertCallTransition } from './call-machine.js';
import type { MediaBridge } from './media-bridge.js';
import { outcomeForOutbound } from './outcome.js';
import type { SipLogger, SipServiceDeps } from './sip-service-deps.js';

/** One call, either direction: what the UI sees plus the signalling state behind it. */
export interface CallEntry {
  view: CallView;
  session: Inviter | Invitation;
  bridge: MediaBridge | null;
  /** Set when we sent CANCEL: the 487 that follows means no-answer after the ring timeout, canceled after the rep's Esc. */
  cancelReason: 'cancelled' | 'ring-timeout' | null;
  localBye: boolean;
  remoteBye: boolean;
  finalStatus: number | null;
  timers: NodeJS.Timeout[];
  holdPending: boolean;
  /** Answered for the rep by policy (486/480/302): no call event ever reaches the UI for it. */
  quiet: boolean;
}

/** A new call's view; the rest starts empty. */
export type NewCallView = Omit<CallView, 'answeredAt' | 'endedAt' | 'endReason' | 'sipStatus' | 'outcome' | 'muted' | 'held'>;

const KEEP_ENDED_CALLS = 20;

/**
 * Every call the line has (the last few ended ones too) and what is common to both directions:
 * status changes through the call state machine, the one way a call ends, its records and media.
 */
export class CallRegistry {
  private readonly calls = new Map<string, CallEntry>();
  private readonly sessionCalls = new WeakMap<Session, CallEntry>();

  constructor(
    private readonly deps: Pick<SipServiceDeps, 'events' | 'media' | 'now' | 'recordAttempt' | 'recordInbound'>,
    private readonly log: SipLogger,
    /** ICE servers for a new call's media (the account's, read when media is first needed). */
    private readonly iceServers: () => string[],
  ) {}

  list(): CallView[] {
    return [...this.calls.values()].map((e) => ({ ...e.view }));
  }

  /** The call, or ApiFailure not-found. */
  entry(callId: string): CallEntry {
    const entry = this.calls.get(callId);
    if (!entry) throw new ApiFailure('not-found', `No call ${callId}`);
    return entry;
  }

  /** The call if it exists and has not ended. */
  find(callId: string): CallEntry | undefined {
    const entry = this.calls.get(callId);
    return entry && entry.view.status !== 'ended' ? entry : undefined;
  }

  active(): CallEntry[] {
    return [...this.calls.values()].filter((e) => e.view.status !== 'ended');
  }

  add(session: Inviter | Invitation, view: NewCallView): CallEntry {
    const entry: CallEntry = {
      view: { ...view, answeredAt: null, endedAt: null, endReason: null, sipStatus: null, outcome: null, muted: false, held: false },
      session,
      bridge: null,
      cancelReason: null,
      localBye: false,
      remoteBye: false,
      finalStatus: null,
      timers: [],
      holdPending: false,
      quiet: false,
    };
    this.calls.set(view.id, entry);
    this.sessionCalls.set(session, entry);
    session.delegate = {
      onBye: (bye) => {
        entry.remoteBye = true;
        void bye.accept().catch(() => {});
      },
    };
    return entry;
  }

  /** sip.js's SessionDescriptionHandler for a session: forwards to the call's one media bridge. */
  sessionDescriptionHandler(session: Session): BridgeSessionDescriptionHandler {
    const entry = this.sessionCalls.get(session);
    if (!entry) throw new Error('media requested for a session the core does not know');
    if (!entry.bridge) {
      entry.bridge = this.deps.media.create({
        callId: entry.view.id,
        direction: entry.view.direction,
        iceServers: this.iceServers(),
      });
    }
    // sip.js may make one per early dialog; all share the call's bridge, which endCall closes.
    return new BridgeSessionDescriptionHandler(entry.bridge, (error) => this.log.warn(`DTMF failed: ${String(error)}`));
  }

  setStatus(entry: CallEntry, status: CallStatus): void {
    const previous = entry.view.status;
    if (previous === status) return;
    assertCallTransition(previous, status);
    entry.view.status = status;
    if (status === 'connected') entry.view.answeredAt = this.deps.now().toISOString();
    this.emit(entry, previous);
  }

  setStatusSafe(entry: CallEntry, status: CallStatus): void {
    if (entry.view.status === 'ended') return; // late signalling after we ended it (network, media)
    this.setStatus(entry, status);
  }

  emit(entry: CallEntry, previous: CallStatus | null): void {
    if (entry.quiet) return;
    this.deps.events.emit({ type: 'sip.call', call: { ...entry.view }, previous });
  }

  /** The single way a call ends: state, outcome, media, records, event. Idempotent. */
  endCall(entry: CallEntry, reason: CallEndReason, sipStatus: number | null, inbound?: { response: InboundResponse; reason: string }): void {
    if (entry.view.status === 'ended') return;
    for (const t of entry.timers) clearTimeout(t);
    entry.timers = [];
    const previous = entry.view.status;
    assertCallTransition(previous, 'ended');
    const view = entry.view;
    view.status = 'ended';
    view.endReason = reason;
    view.endedAt = this.deps.now().toISOString();
    view.sipStatus = sipStatus;
    if (view.direction === 'outbound') {
      view.outcome = outcomeForOutbound({
        answered: view.answeredAt !== null,
        sipStatus,
        cancelledBy: view.answeredAt !== null ? null : entry.cancelReason === 'cancelled' ? 'rep' : entry.cancelReason,
      });
    }
    try {
      entry.bridge?.close();
    } catch (error) {
      this.log.warn(`closing media failed: ${String(error)}`);
    }
    if (view.direction === 'outbound' && view.leadId && view.outcome) {
      // The attempt reaches disk before anyone hears the call ended: a dial block moves to its next
      // lead on `ended`, and a crash between the two must never leave a dialled lead unrecorded.
      const recorded = this.safely('recordAttempt', () =>
        this.deps.recordAttempt({
          callId: view.id,
          leadId: view.leadId!,
          outcome: view.outcome!,
          startedAt: view.startedAt,
          endedAt: view.endedAt!,
          sipStatus,
          source: 'call',
        }),
      );
      void recorded.then(() => this.emit(entry, previous));
    } else {
      this.emit(entry, previous);
    }
    if (view.direction === 'inbound' && inbound) this.recordInbound(entry, inbound.response, inbound.reason);
    this.pruneEnded();
  }

  recordInbound(entry: CallEntry, response: InboundResponse, reason: string): void {
    const v = entry.view;
    this.safely('recordInbound', () =>
      this.deps.recordInbound({
        id: v.id,
        from: v.number,
        displayName: v.displayName,
        receivedAt: v.startedAt,
        leadId: v.leadId,
        response,
        reason,
      }),
    );
  }

  disposeSession(entry: CallEntry): void {
    try {
      void entry.session.dispose().catch(() => {});
    } catch {
      // The transport is gone; nothing to tell the far end.
    }
  }

  /** Ends a call from our side whatever its state (media lost, reset, close). */
  async endByUs(entry: CallEntry, reason: CallEndReason, why: string): Promise<void> {
    this.log.warn(`ending call ${entry.view.id}: ${why}`);
    const session = entry.session;
    const status = entry.view.status;
    // An answered call's final status is 200 even if sip.js has not yet handed us the 2xx (it
    // delivers responses asynchronously), as the hang-up path already records it.
    const sipStatus = entry.view.answeredAt ? 200 : entry.finalStatus;
    this.endCall(entry, reason, sipStatus, entry.view.direction === 'inbound' && status !== 'connected' ? { response: 'missed', reason: why } : undefined);
    try {
      if (session.state === SessionState.Established) await session.bye();
      else if (session instanceof Inviter && session.state === SessionState.Establishing) await session.cancel();
      else if (session instanceof Invitation && (session.state === SessionState.Initial || session.state === SessionState.Establishing)) {
        await session.reject({ statusCode: 480 });
      }
    } catch (error) {
      this.log.warn(`could not end session cleanly: ${String(error)}`);
      this.disposeSession(entry);
    }
  }

  /** Runs a record call; a failure is logged, never thrown. Resolves once it is done (or failed). */
  private safely(what: string, fn: () => void | Promise<void>): Promise<void> {
    try {
      const result = fn();
      if (result instanceof Promise) return result.catch((error: unknown) => this.log.error(`${what} failed: ${String(error)}`));
    } catch (error) {
      this.log.error(`${what} failed: ${String(error)}`);
    }
    return Promise.resolve();
  }

  private pruneEnded(): void {
    const ended = [...this.calls.values()].filter((e) => e.view.status === 'ended');
    for (const e of ended.slice(0, Math.max(0, ended.length - KEEP_ENDED_CALLS))) this.calls.delete(e.view.id);
  }
}
