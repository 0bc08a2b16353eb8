import type { LeadId } from '../../../shared/domain.js';
import { sipAccountSchema } from '../../../shared/contract/sip.js';
import type { CallView, MediaResponse, RegistrationState, SipAccount, SipAccountView } from '../../../shared/sip.js';
import { ApiFailure, describeIssue, issuesFromZod } from '../api/api-failure.js';
import { createConfAccountStore, SipAccounts } from './account-store.js';
import { CallRegistry } from './call-registry.js';
import { InCallControls } from './in-call-controls.js';
import { InboundCalls } from './inbound-calls.js';
import { OutboundCalls } from './outbound-calls.js';
import { SipLine } from './sip-line.js';
import type { SipLogger, SipServiceDeps } from './sip-service-deps.js';

export type { CallAttemptRecord, SipLogger, SipServiceDeps } from './sip-service-deps.js';

export interface SipService {
  getAccount(): SipAccountView | null;
  saveAccount(input: { account: SipAccount; password?: string; clearPassword?: boolean }): Promise<SipAccountView>;
  getRegistration(): RegistrationState;
  retryRegistration(): RegistrationState;
  listCalls(): CallView[];
  getCall(callId: string): CallView;
  /** The raw SIP leg, unchecked: the product reaches it only through calling/place-call.ts (placeCall), after the dial gate. */
  dial(input: { number: string; leadId: LeadId | null; uri?: string }): Promise<CallView>;
  cancelCall(callId: string): Promise<CallView>;
  hangUp(callId: string): Promise<CallView>;
  setMute(callId: string, muted: boolean): Promise<CallView>;
  setHold(callId: string, held: boolean): Promise<CallView>;
  sendDtmf(callId: string, tones: string): Promise<CallView>;
  answerInbound(callId: string): Promise<CallView>;
  declineInbound(callId: string): Promise<CallView>;
  /**
   * Policy input for dial blocks: while true, inbound calls are answered by the suppression setting.
   * Only the lab test sets it today: issue 9 (Dial blocks) switches it with the block session.
   */
  setDialBlockActive(active: boolean): void;
  mediaRespond(response: MediaResponse): void;
  mediaReset(why?: string): Promise<{ endedCalls: number }>;
  /** Connects and registers with the stored account (no-op without one). */
  start(): Promise<void>;
  /** Ends calls, unregisters, stops timers. */
  close(): Promise<void>;
}

/**
 * The one SIP line, owned by main: a sip.js UserAgent over WebSocket, its Registerer, and every
 * call's signalling. Media is elsewhere (MediaBridge), so a renderer reload never drops the
 * registration, and inbound calls are decided here before any UI sees them.
 */
export function createSipService(deps: SipServiceDeps): SipService {
  return new SipServiceImpl(deps);
}

/** Wires the line (sip-line.ts), the calls on it (call-registry.ts, outbound/inbound-calls.ts) and their controls. */
class SipServiceImpl implements SipService {
  private readonly accounts: SipAccounts;
  private readonly log: SipLogger;
  private readonly calls: CallRegistry;
  private readonly line: SipLine;
  private readonly outbound: OutboundCalls;
  private readonly inbound: InboundCalls;
  private readonly controls: InCallControls;
  private closing: Promise<void> | null = null;

  constructor(private readonly deps: SipServiceDeps) {
    this.accounts = new SipAccounts(deps.accountStore ?? createConfAccountStore(deps.dataDir), deps.secrets);
    this.log = deps.logger ?? { info: () => {}, warn: () => {}, error: () => {} };
    this.calls = new CallRegistry(deps, this.log, () => this.accounts.account()?.iceServers ?? []);
    this.inbound = new InboundCalls(deps, this.calls, this.log);
    this.line = new SipLine(deps, this.accounts, this.log, {
      onInvite: (invitation, account) => this.inbound.onInvite(invitation, account),
      onTransportLost: () => {
        for (const entry of this.calls.active()) {
          this.calls.endCall(entry, 'network', null);
          this.calls.disposeSession(entry);
        }
      },
      sessionDescriptionHandler: (session) => this.calls.sessionDescriptionHandler(session),
    });
    this.outbound = new OutboundCalls(deps, this.line, this.accounts, this.calls, this.log);
    this.controls = new InCallControls(this.accounts, this.calls);
    deps.media.onMediaLost?.((callId, why) => {
      const entry = this.calls.find(callId);
      if (entry) void this.calls.endByUs(entry, 'media-lost', why);
    });
  }

  // ---- account ----------------------------------------------------------------------------

  getAccount(): SipAccountView | null {
    return this.accounts.view();
  }

  async saveAccount(input: { account: SipAccount; password?: string; clearPassword?: boolean }): Promise<SipAccountView> {
    const parsed = sipAccountSchema.safeParse(input.account);
    if (!parsed.success) {
      const issues = issuesFromZod(parsed.error);
      throw new ApiFailure('invalid-input', `Invalid SIP account: ${describeIssue(issues[0]!, '(account)')}`, issues);
    }
    if (this.calls.active().length > 0) throw new ApiFailure('conflict', 'Finish the current call before changing the SIP account.');
    const view = this.accounts.save(parsed.data, input.password, input.clearPassword ?? false);
    await this.line.restart();
    return view;
  }

  // ---- registration -----------------------------------------------------------------------

  getRegistration(): RegistrationState {
    return this.line.state;
  }

  retryRegistration(): RegistrationState {
    this.line.retry();
    return this.line.state;
  }

  async start(): Promise<void> {
    await this.line.restart();
  }

  // ---- calls ------------------------------------------------------------------------------

  listCalls(): CallView[] {
    return this.calls.list();
  }

  getCall(callId: string): CallView {
    return { ...this.calls.entry(callId).view };
  }

  dial(input: { number: string; leadId: LeadId | null; uri?: string }): Promise<CallView> {
    return this.outbound.dial(input);
  }

  cancelCall(callId: string): Promise<CallView> {
    return this.outbound.cancel(callId);
  }

  async hangUp(callId: string): Promise<CallView> {
    const entry = this.calls.entry(callId);
    const status = entry.view.status;
    if (status === 'ended') return { ...entry.view };
    if (status !== 'connected') {
      if (entry.view.direction === 'outbound') return this.cancelCall(callId);
      return this.declineInbound(callId);
    }
    entry.localBye = true;
    await entry.session.bye();
    // sip.js is Terminated right after sending BYE; the state listener has ended the call.
    return { ...entry.view };
  }

  setMute(callId: string, muted: boolean): Promise<CallView> {
    return this.controls.setMute(callId, muted);
  }

  setHold(callId: string, held: boolean): Promise<CallView> {
    return this.controls.setHold(callId, held);
  }

  sendDtmf(callId: string, tones: string): Promise<CallView> {
    return this.controls.sendDtmf(callId, tones);
  }

  answerInbound(callId: string): Promise<CallView> {
    return this.inbound.answer(callId);
  }

  declineInbound(callId: string): Promise<CallView> {
    return this.inbound.decline(callId);
  }

  setDialBlockActive(active: boolean): void {
    this.inbound.setDialBlockActive(active);
  }

  // ---- media ------------------------------------------------------------------------------

  mediaRespond(response: MediaResponse): void {
    if (!this.deps.media.respond) throw new ApiFailure('refused', 'Media runs in the core here; no renderer answers expected.');
    this.deps.media.respond(response);
  }

  async mediaReset(why = 'media module restarted'): Promise<{ endedCalls: number }> {
    const active = this.calls.active();
    for (const entry of active) await this.calls.endByUs(entry, 'media-lost', why);
    return { endedCalls: active.length };
  }

  // ---- lifecycle --------------------------------------------------------------------------

  /** Idempotent: a second close while the first is still ending calls waits for the same one. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      for (const entry of this.calls.active()) await this.calls.endByUs(entry, 'hangup-local', 'app closing').catch(() => {});
      await this.line.close();
    })();
    return this.closing;
  }
}
