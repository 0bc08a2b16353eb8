import { randomUUID } from 'node:crypto';
import { Inviter, SessionState, UserAgent } from 'sip.js';
import type { LeadId } from '../../../shared/domain.js';
import { RING_TIMEOUT_MIN_SECONDS, type CallView } from '../../../shared/sip.js';
import { ApiFailure } from '../api/api-failure.js';
import type { SipAccounts } from './account-store.js';
import type { CallEntry, CallRegistry } from './call-registry.js';
import { applyDialPlan } from './dial-plan.js';
import type { SipLine } from './sip-line.js';
import type { SipLogger, SipServiceDeps } from './sip-service-deps.js';

/** After CANCEL a 487 should come at once; a broken peer must not leave the call hanging. */
const CANCEL_GRACE_MS = 5_000;

/** Calls the rep makes: dial through the dial plan, ring timeout, cancel, and how each one ended. */
export class OutboundCalls {
  constructor(
    private readonly deps: Pick<SipServiceDeps, 'now'>,
    private readonly line: SipLine,
    private readonly accounts: SipAccounts,
    private readonly calls: CallRegistry,
    private readonly log: SipLogger,
  ) {}

  /** `uri`, when given, is called as it is (a line of the rep's own PBX, checked by the gate); else the dial plan makes it from `number`. */
  async dial(input: { number: string; leadId: LeadId | null; uri?: string }): Promise<CallView> {
    const account = this.accounts.account();
    const ua = this.line.userAgent;
    if (!account || !ua) throw new ApiFailure('unavailable', 'No SIP account is set up.');
    if (this.line.status !== 'registered') {
      throw new ApiFailure('unavailable', `The SIP line is ${this.line.status}; calls wait until it is registered.`);
    }
    if (this.calls.active().length > 0) throw new ApiFailure('conflict', 'Already on a call.');
    let uriText: string;
    try {
      uriText = input.uri ?? applyDialPlan(account.dialPlan, input.number);
    } catch (error) {
      throw new ApiFailure('invalid-input', error instanceof Error ? error.message : String(error));
    }
    const target = UserAgent.makeURI(uriText);
    if (!target) throw new ApiFailure('invalid-input', `The dial plan made an invalid SIP URI: ${uriText}`);

    const extraHeaders: string[] = [];
    if (account.callerId) {
      extraHeaders.push(`P-Preferred-Identity: <sip:${account.callerId}@${UserAgent.makeURI(account.aor)?.host ?? 'invalid'}>`);
    }
    const inviter = new Inviter(ua, target, { extraHeaders, earlyMedia: true });
    const entry = this.calls.add(inviter, {
      id: randomUUID(),
      direction: 'outbound',
      status: 'dialing',
      number: input.number,
      remoteUri: uriText,
      displayName: '',
      leadId: input.leadId,
      startedAt: this.deps.now().toISOString(),
    });
    this.calls.emit(entry, null);

    inviter.stateChange.addListener((state) => {
      if (state === SessionState.Established) {
        this.calls.setStatusSafe(entry, 'connected');
      } else if (state === SessionState.Terminated) {
        // sip.js enters Terminated before it hands the final response to our requestDelegate
        // (Inviter.onReject runs first): read the status once that has happened.
        setImmediate(() => this.onTerminated(entry));
      }
    });
    // Compliance, not a preference: a lead gets at least 15 s to pick up, whatever a file or a caller says.
    const ringTimeoutMs = Math.max(RING_TIMEOUT_MIN_SECONDS, account.ringTimeoutSeconds) * 1000;
    entry.timers.push(
      setTimeout(() => {
        if (entry.view.status !== 'connected' && entry.view.status !== 'ended') void this.cancelWith(entry, 'ring-timeout');
      }, ringTimeoutMs),
    );

    inviter
      .invite({
        requestDelegate: {
          onProgress: (response) => {
            const code = response.message.statusCode ?? 0;
            const hasSdp = (response.message.body ?? '').length > 0;
            // sip.js hands provisionals over asynchronously: a 180 sent right before the 200 can
            // arrive here after Established. Only move forward from the pre-answer states.
            const status = entry.view.status;
            if (code === 183 && hasSdp && (status === 'dialing' || status === 'ringing')) this.calls.setStatus(entry, 'early-media');
            else if (code >= 180 && code < 200 && status === 'dialing') this.calls.setStatus(entry, 'ringing');
          },
          onAccept: () => {
            entry.finalStatus = 200;
          },
          onReject: (response) => {
            entry.finalStatus = response.message.statusCode ?? null;
          },
        },
      })
      .catch((error: unknown) => {
        // getDescription failed (no media) or the transport refused the INVITE.
        if (entry.view.status !== 'ended') {
          this.calls.endCall(entry, 'media-lost', null);
          this.calls.disposeSession(entry);
        }
        this.log.warn(`INVITE failed: ${String(error)}`);
      });
    return { ...entry.view };
  }

  async cancel(callId: string): Promise<CallView> {
    const entry = this.calls.entry(callId);
    if (entry.view.direction !== 'outbound') throw new ApiFailure('conflict', 'Only an outgoing call can be cancelled; decline an incoming one.');
    if (entry.view.status === 'connected') throw new ApiFailure('conflict', 'The call was answered; hang up instead.');
    if (entry.view.status === 'ended') return { ...entry.view };
    await this.cancelWith(entry, 'cancelled');
    return { ...entry.view };
  }

  private onTerminated(entry: CallEntry): void {
    if (entry.view.status === 'ended') return;
    if (entry.view.answeredAt) {
      this.calls.endCall(entry, entry.remoteBye ? 'hangup-remote' : entry.localBye ? 'hangup-local' : 'network', 200);
    } else if (entry.cancelReason) {
      this.calls.endCall(entry, entry.cancelReason, entry.finalStatus);
    } else if (entry.finalStatus !== null && entry.finalStatus >= 200 && entry.finalStatus < 300) {
      // Answered, but the answer's media could not be set up: not the lead's doing.
      this.calls.endCall(entry, 'media-lost', entry.finalStatus);
    } else {
      this.calls.endCall(entry, entry.finalStatus !== null ? 'rejected' : 'network', entry.finalStatus);
    }
  }

  private async cancelWith(entry: CallEntry, reason: 'cancelled' | 'ring-timeout'): Promise<void> {
    const inviter = entry.session as Inviter;
    if (entry.cancelReason) return;
    entry.cancelReason = reason;
    // A 487 normally ends it; a peer that never sends one must not leave the call hanging.
    entry.timers.push(
      setTimeout(() => {
        if (entry.view.status !== 'ended') {
          this.calls.endCall(entry, reason, entry.finalStatus);
          this.calls.disposeSession(entry);
        }
      }, CANCEL_GRACE_MS),
    );
    try {
      await inviter.cancel();
    } catch (error) {
      // Answered at the same moment (200 crossed the CANCEL): hang up instead.
      this.log.warn(`CANCEL failed (${String(error)}); hanging up`);
      if (inviter.state === SessionState.Established) {
        entry.localBye = true;
        await inviter.bye().catch(() => this.calls.disposeSession(entry));
      }
    }
  }
}
