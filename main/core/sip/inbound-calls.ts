import { randomUUID } from 'node:crypto';
import { SessionState, type Invitation } from 'sip.js';
import type { LeadId } from '../../../shared/domain.js';
import type { CallView, SipAccount } from '../../../shared/sip.js';
import { ApiFailure } from '../api/api-failure.js';
import type { CallEntry, CallRegistry } from './call-registry.js';
import { callerNumber } from './caller.js';
import { decideInbound } from './inbound-policy.js';
import type { SipLogger, SipServiceDeps } from './sip-service-deps.js';

/**
 * Calls to the rep: the inbound policy decides before any UI sees them (reject, redirect to
 * voicemail, or ring), then the rep answers or declines, or the ring times out as missed.
 */
export class InboundCalls {
  private dialBlockActive = false;

  constructor(
    private readonly deps: Pick<SipServiceDeps, 'events' | 'now' | 'matchLead' | 'defaultCountry' | 'inboundRingTimeoutMs'>,
    private readonly calls: CallRegistry,
    private readonly log: SipLogger,
  ) {}

  /** Policy input for dial blocks: while true, inbound calls are answered by the suppression setting. */
  setDialBlockActive(active: boolean): void {
    this.dialBlockActive = active;
  }

  onInvite(invitation: Invitation, account: SipAccount): void {
    const identity = invitation.remoteIdentity;
    const number = callerNumber(identity.uri.user ?? '', this.deps.defaultCountry?.() ?? 'US');
    let leadId: LeadId | null = null;
    try {
      leadId = number.startsWith('+') ? this.deps.matchLead(number) : null;
    } catch (error) {
      this.log.error(`matchLead failed: ${String(error)}`);
    }
    const decision = decideInbound({
      dialBlockActive: this.dialBlockActive,
      onCall: this.calls.active().length > 0,
      suppression: account.inboundSuppression,
      voicemailUri: account.voicemailUri,
    });
    const entry = this.calls.add(invitation, {
      id: randomUUID(),
      direction: 'inbound',
      status: 'ringing',
      number,
      remoteUri: identity.uri.toString(),
      displayName: identity.displayName ?? '',
      leadId,
      startedAt: this.deps.now().toISOString(),
    });

    if (decision.action !== 'ring') {
      const extraHeaders = decision.action === 'redirect' ? [`Contact: <${decision.contact}>`] : [];
      invitation
        .reject({ statusCode: decision.statusCode, extraHeaders })
        .catch((error: unknown) => this.log.warn(`inbound reject failed: ${String(error)}`));
      this.calls.emit(entry, null);
      this.calls.endCall(entry, 'suppressed', decision.statusCode, { response: decision.response, reason: decision.reason });
      return;
    }

    this.calls.emit(entry, null);
    this.deps.events.emit({ type: 'sip.inbound', call: { ...entry.view } });
    invitation.stateChange.addListener((state) => {
      if (state === SessionState.Established) this.calls.setStatusSafe(entry, 'connected');
      else if (state === SessionState.Terminated && entry.view.status !== 'ended') {
        if (entry.view.answeredAt) {
          this.calls.endCall(entry, entry.remoteBye ? 'hangup-remote' : entry.localBye ? 'hangup-local' : 'network', 200);
        } else {
          // The caller hung up (CANCEL) before the rep answered.
          this.calls.endCall(entry, 'missed', 487, { response: 'missed', reason: 'caller hung up while ringing' });
        }
      }
    });
    entry.timers.push(
      setTimeout(() => {
        if (entry.view.status !== 'ringing') return;
        this.calls.endCall(entry, 'missed', 480, { response: 'missed', reason: 'not answered' });
        void invitation.reject({ statusCode: 480 }).catch(() => {});
      }, this.deps.inboundRingTimeoutMs ?? 45_000),
    );
  }

  async answer(callId: string): Promise<CallView> {
    const entry = this.ringing(callId, 'answer');
    for (const t of entry.timers) clearTimeout(t);
    entry.timers = [];
    this.calls.recordInbound(entry, 'accepted', 'answered by the rep');
    try {
      await (entry.session as Invitation).accept();
    } catch (error) {
      this.calls.endCall(entry, 'media-lost', null);
      throw new ApiFailure('unavailable', `Could not answer: ${error instanceof Error ? error.message : String(error)}`);
    }
    return { ...entry.view };
  }

  async decline(callId: string): Promise<CallView> {
    const entry = this.ringing(callId, 'decline');
    // 486 tells the caller's network the rep is busy; their voicemail (if any) takes over.
    this.calls.endCall(entry, 'declined', 486, { response: 'declined', reason: 'declined by the rep' });
    await (entry.session as Invitation).reject({ statusCode: 486 }).catch(() => {});
    return { ...entry.view };
  }

  /** The inbound call still ringing, or ApiFailure conflict naming what the rep tried to do. */
  private ringing(callId: string, action: 'answer' | 'decline'): CallEntry {
    const entry = this.calls.entry(callId);
    if (entry.view.direction !== 'inbound' || entry.view.status !== 'ringing') {
      throw new ApiFailure('conflict', `The call is ${entry.view.direction} and ${entry.view.status}; nothing to ${action}.`);
    }
    return entry;
  }
}
