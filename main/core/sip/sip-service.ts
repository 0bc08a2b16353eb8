import { randomUUID } from 'node:crypto';
import {
  Invitation,
  Inviter,
  Registerer,
  RegistererState,
  SessionState,
  UserAgent,
  type LogLevel,
  type Session,
} from 'sip.js';
import { WebSocket as NodeWebSocket } from 'ws';
import type { InboundCall, InboundResponse, IsoTime, LeadId, Outcome } from '../../../shared/domain.js';
import { sipAccountSchema } from '../../../shared/contract/sip.js';
import type {
  CallEndReason,
  CallStatus,
  CallView,
  MediaResponse,
  RegistrationState,
  SipAccount,
  SipAccountView,
} from '../../../shared/sip.js';
import { ApiFailure } from '../api/api-failure.js';
import type { EventHub } from '../api/event-hub.js';
import type { SecretStore } from '../settings/secret-store.js';
import { createConfAccountStore, SipAccounts, type SipAccountStore } from './account-store.js';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffOptions } from './backoff.js';
import { BridgeSessionDescriptionHandler } from './bridge-sdh.js';
import { assertCallTransition } from './call-machine.js';
import { callerNumber } from './caller.js';
import { applyDialPlan } from './dial-plan.js';
import { decideInbound } from './inbound-policy.js';
import type { MediaBridge, MediaBridgeFactory } from './media-bridge.js';
import { outcomeForOutbound } from './outcome.js';
import { RegistrationMachine } from './registration-machine.js';

/** What the integrator's store receives when a call to a lead ends. */
export interface CallAttemptRecord {
  leadId: LeadId;
  outcome: Outcome;
  startedAt: IsoTime;
  endedAt: IsoTime;
  sipStatus: number | null;
  source: 'call';
}

export interface SipLogger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface SipServiceDeps {
  dataDir: string;
  secrets: SecretStore;
  events: EventHub;
  media: MediaBridgeFactory;
  now: () => Date;
  /** The lead whose number this is (E.164), if any. */
  matchLead: (e164: string) => LeadId | null;
  recordAttempt: (attempt: CallAttemptRecord) => void | Promise<void>;
  recordInbound: (call: InboundCall) => void | Promise<void>;
  logger?: SipLogger;
  /** Defaults to `<dataDir>/sip-account.json` via conf. */
  accountStore?: SipAccountStore;
  /** Country for inbound numbers written without a country code. */
  defaultCountry?: () => string;
  backoff?: BackoffOptions;
  /**
   * Test-only: ring timeout in ms instead of the account's. The account schema keeps the product
   * minimum (15 s, so a lead has time to pick up); the lab overrides it so the no-answer test does
   * not spend 15 s waiting. Never set by the app.
   */
  ringTimeoutOverrideMs?: number;
  /** How long an inbound call rings before it counts as missed (answered 480). Default 45 s. */
  inboundRingTimeoutMs?: number;
  /** sip.js log level (default warn). */
  sipLogLevel?: LogLevel;
}

export interface SipService {
  getAccount(): SipAccountView | null;
  saveAccount(input: { account: SipAccount; password?: string; clearPassword?: boolean }): Promise<SipAccountView>;
  getRegistration(): RegistrationState;
  retryRegistration(): RegistrationState;
  listCalls(): CallView[];
  getCall(callId: string): CallView;
  dial(input: { number: string; leadId: LeadId | null }): Promise<CallView>;
  cancelCall(callId: string): Promise<CallView>;
  hangUp(callId: string): Promise<CallView>;
  setMute(callId: string, muted: boolean): Promise<CallView>;
  setHold(callId: string, held: boolean): Promise<CallView>;
  sendDtmf(callId: string, tones: string): Promise<CallView>;
  answerInbound(callId: string): Promise<CallView>;
  declineInbound(callId: string): Promise<CallView>;
  /** Policy input for dial blocks: while true, inbound calls are answered by the suppression setting. */
  setDialBlockActive(active: boolean): void;
  mediaRespond(response: MediaResponse): void;
  mediaReset(why?: string): Promise<{ endedCalls: number }>;
  /** Connects and registers with the stored account (no-op without one). */
  start(): Promise<void>;
  /** Ends calls, unregisters, stops timers. */
  close(): Promise<void>;
}

/** The part of a REGISTER/INVITE response the service reads (sip.js's IncomingResponse). */
interface ResponseLike {
  message: { statusCode?: number; reasonPhrase?: string };
}

/**
 * sip.js tracks "a REGISTER is in flight" in Registerer.waiting / waitingChange but marks them
 * private in its typings; they are plain getters at runtime (0.21.2). The guard needs them.
 */
interface RegistererWaiting {
  readonly waiting: boolean;
  readonly waitingChange: { addListener(listener: (waiting: boolean) => void, options?: { once?: boolean }): void };
}
const waitingOf = (registerer: Registerer): RegistererWaiting => registerer as unknown as RegistererWaiting;

interface CallEntry {
  view: CallView;
  session: Inviter | Invitation;
  bridge: MediaBridge | null;
  /** Set when we sent CANCEL (rep or ring timeout): the 487 that follows means no-answer. */
  cancelReason: 'cancelled' | 'ring-timeout' | null;
  localBye: boolean;
  remoteBye: boolean;
  finalStatus: number | null;
  timers: NodeJS.Timeout[];
  holdPending: boolean;
}

const DTMF_DURATION_MS = 160;
const DTMF_GAP_MS = 80;
/** After CANCEL a 487 should come at once; a broken peer must not leave the call hanging. */
const CANCEL_GRACE_MS = 5_000;
const KEEP_ENDED_CALLS = 20;

/**
 * The one SIP line, owned by main: a sip.js UserAgent over WebSocket, its Registerer, and every
 * call's signalling. Media is elsewhere (MediaBridge), so a renderer reload never drops the
 * registration, and inbound calls are decided here before any UI sees them.
 */
export function createSipService(deps: SipServiceDeps): SipService {
  return new SipServiceImpl(deps);
}

class SipServiceImpl implements SipService {
  private readonly accounts: SipAccounts;
  private readonly registration: RegistrationMachine;
  private readonly calls = new Map<string, CallEntry>();
  private readonly sessionCalls = new WeakMap<Session, CallEntry>();
  private ua: UserAgent | null = null;
  private registerer: Registerer | null = null;
  /** Bumped on every restart/close: callbacks from an older UserAgent are ignored. */
  private generation = 0;
  private retryTimer: NodeJS.Timeout | null = null;
  private retryAttempt = 0;
  private connecting = false;
  private dialBlockActive = false;
  private closed = false;
  private readonly log: SipLogger;

  constructor(private readonly deps: SipServiceDeps) {
    this.accounts = new SipAccounts(deps.accountStore ?? createConfAccountStore(deps.dataDir), deps.secrets);
    this.registration = new RegistrationMachine(deps.now, (registration) =>
      deps.events.emit({ type: 'sip.registration', registration }),
    );
    this.log = deps.logger ?? { info: () => {}, warn: () => {}, error: () => {} };
    deps.media.onMediaLost?.((callId, why) => {
      const entry = this.calls.get(callId);
      if (entry && entry.view.status !== 'ended') void this.endByUs(entry, 'media-lost', why);
    });
    // sip.js opens `new WebSocket(url, 'sip')` on the global. Always `ws`: it is the implementation
    // the lab tests prove against Kamailio. Node 20 has no global, and the one in Electron's Node 22
    // (undici) is untested here, so the app must not silently run on a different transport.
    (globalThis as { WebSocket?: unknown }).WebSocket = NodeWebSocket;
  }

  // ---- account ----------------------------------------------------------------------------

  getAccount(): SipAccountView | null {
    return this.accounts.view();
  }

  async saveAccount(input: { account: SipAccount; password?: string; clearPassword?: boolean }): Promise<SipAccountView> {
    const parsed = sipAccountSchema.safeParse(input.account);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(account)'}: ${i.message}`);
      throw new ApiFailure('invalid-input', `Invalid SIP account: ${issues[0]}`, issues);
    }
    if (this.activeCalls().length > 0) throw new ApiFailure('conflict', 'Finish the current call before changing the SIP account.');
    const view = this.accounts.save(parsed.data, input.password, input.clearPassword ?? false);
    await this.restart();
    return view;
  }

  // ---- registration -----------------------------------------------------------------------

  getRegistration(): RegistrationState {
    return this.registration.state;
  }

  retryRegistration(): RegistrationState {
    const status = this.registration.status;
    if (status === 'failed') {
      void this.restart();
    } else if (status === 'offline' && !this.connecting) {
      this.clearRetry();
      void this.connect(this.generation);
    }
    return this.registration.state;
  }

  async start(): Promise<void> {
    await this.restart();
  }

  /** Tears down the current UserAgent (if any) and builds one from the stored account. */
  private async restart(): Promise<void> {
    const gen = ++this.generation;
    this.clearRetry();
    this.retryAttempt = 0;
    await this.stopUserAgent();
    if (this.closed || gen !== this.generation) return;
    if (this.registration.status !== 'idle') this.registration.transition({ status: 'idle' });
    const account = this.accounts.account();
    if (!account) return;

    const uri = UserAgent.makeURI(account.aor);
    if (!uri) throw new ApiFailure('invalid-input', `Not a SIP address: ${account.aor}`);
    this.ua = new UserAgent({
      uri,
      transportOptions: { server: account.serverUrl, connectionTimeout: 5, keepAliveInterval: 25 },
      authorizationUsername: account.authUsername || uri.user,
      authorizationPassword: this.accounts.password() ?? undefined,
      displayName: account.displayName || undefined,
      userAgentString: 'Dialdesk',
      // Reconnection is ours (backoff with jitter, re-REGISTER, offline-since); sip.js's default of
      // 0 reconnection attempts keeps its own fixed-delay retry off.
      logBuiltinEnabled: false,
      logLevel: this.deps.sipLogLevel ?? 'warn',
      logConnector: (level, category, _label, content) => {
        const line = `[sip.js ${category}] ${content}`;
        if (level === 'error') this.log.error(line);
        else if (level === 'warn') this.log.warn(line);
        else this.log.info(line);
      },
      sessionDescriptionHandlerFactory: (session) => this.makeSdh(session),
      delegate: {
        onInvite: (invitation) => {
          if (gen === this.generation) this.onInvite(invitation, account);
          else void invitation.reject({ statusCode: 480 }).catch(() => {});
        },
        onDisconnect: (error) => {
          if (gen === this.generation) this.onTransportLost(gen, error?.message ?? 'connection closed');
        },
      },
    });
    this.registerer = new Registerer(this.ua);
    this.watchRegisterer(gen, this.registerer);
    await this.connect(gen);
  }

  private async stopUserAgent(): Promise<void> {
    const ua = this.ua;
    this.ua = null;
    this.registerer = null;
    if (!ua) return;
    // stop() unregisters and ends sessions; a dead server must not hold us up.
    await Promise.race([ua.stop().catch(() => {}), new Promise((r) => setTimeout(r, 3000))]);
  }

  /** Opens the transport (first start or reconnect) and registers; failures go offline with backoff. */
  private async connect(gen: number): Promise<void> {
    const ua = this.ua;
    if (!ua || this.connecting) return;
    this.connecting = true;
    if (this.registration.status !== 'registering') this.registration.transition({ status: 'registering', aor: this.accounts.account()?.aor ?? null });
    try {
      if (ua.state === 'Started') await ua.reconnect();
      else await ua.start();
    } catch (error) {
      this.connecting = false;
      if (gen !== this.generation) return;
      this.goOffline(gen, `server unreachable (${error instanceof Error ? error.message : String(error)})`);
      return;
    }
    this.connecting = false;
    if (gen !== this.generation) return;
    this.register(gen);
  }

  /**
   * Sends REGISTER unless one is already in flight (RFC 3261 §10.2; sip.js rejects a second one
   * with RequestPendingError). A pending one is waited for, then the result decides.
   */
  private register(gen: number): void {
    const registerer = this.registerer;
    if (!registerer || gen !== this.generation) return;
    if (waitingOf(registerer).waiting) {
      waitingOf(registerer).waitingChange.addListener(() => this.register(gen), { once: true });
      return;
    }
    registerer
      .register({
        requestDelegate: {
          // Needed besides stateChange: after a reconnect sip.js may still think it is Registered,
          // so a successful re-REGISTER changes no Registerer state.
          onAccept: () => this.onRegistered(gen),
          onReject: (response) => this.onRegisterRejected(gen, response),
        },
      })
      .catch((error: unknown) => this.log.warn(`REGISTER not sent: ${String(error)}`));
  }

  private watchRegisterer(gen: number, registerer: Registerer): void {
    registerer.stateChange.addListener((state) => {
      if (gen !== this.generation) return;
      if (state === RegistererState.Registered) {
        this.onRegistered(gen);
      } else if (state === RegistererState.Unregistered && this.registration.status === 'registered' && this.ua?.isConnected()) {
        // A refresh sip.js sent on its own failed: register again through our path, which reads the status.
        this.registration.transition({ status: 'registering' });
        this.register(gen);
      }
    });
  }

  private onRegistered(gen: number): void {
    if (gen !== this.generation) return;
    this.retryAttempt = 0;
    const status = this.registration.status;
    if (status === 'registered') return;
    if (status !== 'registering') this.registration.transition({ status: 'registering' });
    this.registration.transition({ status: 'registered' });
  }

  private onRegisterRejected(gen: number, response: ResponseLike): void {
    if (gen !== this.generation) return;
    const status = response.message.statusCode ?? 0;
    const phrase = response.message.reasonPhrase ?? '';
    if (status === 401 || status === 407 || status === 403) {
      // sip.js already answered the first challenge; a second one means the credentials are wrong.
      this.transitionRegistration({ status: 'failed', reason: 'authentication failed' });
    } else if (status === 408 || status >= 500) {
      this.goOffline(gen, status === 408 ? 'server did not answer' : `server error ${status} ${phrase}`.trim());
    } else if (status === 404) {
      this.transitionRegistration({ status: 'failed', reason: 'the server does not know this SIP address' });
    } else {
      this.transitionRegistration({ status: 'failed', reason: `registration refused: ${status} ${phrase}`.trim() });
    }
  }

  private transitionRegistration(change: Parameters<RegistrationMachine['transition']>[0]): void {
    if (this.registration.status === change.status) return;
    this.registration.transition(change);
  }

  private onTransportLost(gen: number, why: string): void {
    this.log.warn(`SIP transport lost: ${why}`);
    // A REGISTER in flight when the socket died would only end at Timer F (32 s) and block every
    // re-REGISTER until then: drop that registerer and start a fresh one for the new connection.
    if (this.registerer && waitingOf(this.registerer).waiting && this.ua) {
      void this.registerer.dispose().catch(() => {});
      this.registerer = new Registerer(this.ua);
      this.watchRegisterer(gen, this.registerer);
    }
    for (const entry of this.activeCalls()) {
      this.endCall(entry, 'network', null);
      this.disposeSession(entry);
    }
    this.goOffline(gen, 'connection to the SIP server lost');
  }

  private goOffline(gen: number, reason: string): void {
    if (gen !== this.generation || this.closed) return;
    // Wrong credentials stay failed: retrying them only locks the account at the PBX.
    if (this.registration.status === 'failed') return;
    this.clearRetry();
    const delay = backoffDelay(++this.retryAttempt, this.deps.backoff ?? DEFAULT_BACKOFF);
    const nextRetryAt = new Date(this.deps.now().getTime() + delay).toISOString();
    if (this.registration.status === 'offline') {
      // Still down after a retry: keep offlineSince, refresh nextRetryAt.
      this.registration.transition({ status: 'registering' });
    }
    this.registration.transition({ status: 'offline', reason, nextRetryAt });
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.connect(gen);
    }, delay);
  }

  private clearRetry(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  // ---- calls: common ----------------------------------------------------------------------

  listCalls(): CallView[] {
    return [...this.calls.values()].map((e) => ({ ...e.view }));
  }

  getCall(callId: string): CallView {
    return { ...this.entry(callId).view };
  }

  setDialBlockActive(active: boolean): void {
    this.dialBlockActive = active;
  }

  private entry(callId: string): CallEntry {
    const entry = this.calls.get(callId);
    if (!entry) throw new ApiFailure('not-found', `No call ${callId}`);
    return entry;
  }

  private activeCalls(): CallEntry[] {
    return [...this.calls.values()].filter((e) => e.view.status !== 'ended');
  }

  private makeSdh(session: Session): BridgeSessionDescriptionHandler {
    const entry = this.sessionCalls.get(session);
    if (!entry) throw new Error('media requested for a session the core does not know');
    if (!entry.bridge) {
      entry.bridge = this.deps.media.create({
        callId: entry.view.id,
        direction: entry.view.direction,
        iceServers: this.accounts.account()?.iceServers ?? [],
      });
    }
    // sip.js may make one per early dialog; all share the call's bridge, which endCall closes.
    return new BridgeSessionDescriptionHandler(entry.bridge, (error) => this.log.warn(`DTMF failed: ${String(error)}`));
  }

  private setStatus(entry: CallEntry, status: CallStatus): void {
    const previous = entry.view.status;
    if (previous === status) return;
    assertCallTransition(previous, status);
    entry.view.status = status;
    if (status === 'connected') entry.view.answeredAt = this.deps.now().toISOString();
    this.emitCall(entry, previous);
  }

  private emitCall(entry: CallEntry, previous: CallStatus | null): void {
    this.deps.events.emit({ type: 'sip.call', call: { ...entry.view }, previous });
  }

  /** The single way a call ends: state, outcome, media, records, event. Idempotent. */
  private endCall(entry: CallEntry, reason: CallEndReason, sipStatus: number | null, inbound?: { response: InboundResponse; reason: string }): void {
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
        cancelledByUs: entry.cancelReason !== null && view.answeredAt === null,
      });
    }
    try {
      entry.bridge?.close();
    } catch (error) {
      this.log.warn(`closing media failed: ${String(error)}`);
    }
    this.emitCall(entry, previous);
    if (view.direction === 'outbound' && view.leadId && view.outcome) {
      this.safely('recordAttempt', () =>
        this.deps.recordAttempt({
          leadId: view.leadId!,
          outcome: view.outcome!,
          startedAt: view.startedAt,
          endedAt: view.endedAt!,
          sipStatus,
          source: 'call',
        }),
      );
    }
    if (view.direction === 'inbound' && inbound) this.recordInbound(entry, inbound.response, inbound.reason);
    this.pruneEnded();
  }

  private recordInbound(entry: CallEntry, response: InboundResponse, reason: string): void {
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

  private safely(what: string, fn: () => void | Promise<void>): void {
    try {
      const result = fn();
      if (result instanceof Promise) result.catch((error: unknown) => this.log.error(`${what} failed: ${String(error)}`));
    } catch (error) {
      this.log.error(`${what} failed: ${String(error)}`);
    }
  }

  private pruneEnded(): void {
    const ended = [...this.calls.values()].filter((e) => e.view.status === 'ended');
    for (const e of ended.slice(0, Math.max(0, ended.length - KEEP_ENDED_CALLS))) this.calls.delete(e.view.id);
  }

  private disposeSession(entry: CallEntry): void {
    try {
      void entry.session.dispose().catch(() => {});
    } catch {
      // The transport is gone; nothing to tell the far end.
    }
  }

  /** Ends a call from our side whatever its state (media lost, reset, close). */
  private async endByUs(entry: CallEntry, reason: CallEndReason, why: string): Promise<void> {
    this.log.warn(`ending call ${entry.view.id}: ${why}`);
    const session = entry.session;
    const status = entry.view.status;
    this.endCall(entry, reason, entry.finalStatus, entry.view.direction === 'inbound' && status !== 'connected' ? { response: 'missed', reason: why } : undefined);
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

  private newEntry(session: Inviter | Invitation, view: Omit<CallView, 'answeredAt' | 'endedAt' | 'endReason' | 'sipStatus' | 'outcome' | 'muted' | 'held'>): CallEntry {
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

  // ---- outbound ---------------------------------------------------------------------------

  async dial(input: { number: string; leadId: LeadId | null }): Promise<CallView> {
    const account = this.accounts.account();
    const ua = this.ua;
    if (!account || !ua) throw new ApiFailure('unavailable', 'No SIP account is set up.');
    if (this.registration.status !== 'registered') {
      throw new ApiFailure('unavailable', `The SIP line is ${this.registration.status}; calls wait until it is registered.`);
    }
    if (this.activeCalls().length > 0) throw new ApiFailure('conflict', 'Already on a call.');
    let uriText: string;
    try {
      uriText = applyDialPlan(account.dialPlan, input.number);
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
    const entry = this.newEntry(inviter, {
      id: randomUUID(),
      direction: 'outbound',
      status: 'dialing',
      number: input.number,
      remoteUri: uriText,
      displayName: '',
      leadId: input.leadId,
      startedAt: this.deps.now().toISOString(),
    });
    this.emitCall(entry, null);

    inviter.stateChange.addListener((state) => {
      if (state === SessionState.Established) {
        this.setStatusSafe(entry, 'connected');
      } else if (state === SessionState.Terminated) {
        // sip.js enters Terminated before it hands the final response to our requestDelegate
        // (Inviter.onReject runs first): read the status once that has happened.
        setImmediate(() => this.onOutboundTerminated(entry));
      }
    });
    const ringTimeoutMs = this.deps.ringTimeoutOverrideMs ?? account.ringTimeoutSeconds * 1000;
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
            if (code === 183 && hasSdp && (status === 'dialing' || status === 'ringing')) this.setStatus(entry, 'early-media');
            else if (code >= 180 && code < 200 && status === 'dialing') this.setStatus(entry, 'ringing');
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
          this.endCall(entry, 'media-lost', null);
          this.disposeSession(entry);
        }
        this.log.warn(`INVITE failed: ${String(error)}`);
      });
    return { ...entry.view };
  }

  private setStatusSafe(entry: CallEntry, status: CallStatus): void {
    if (entry.view.status === 'ended') return; // late signalling after we ended it (network, media)
    this.setStatus(entry, status);
  }

  private onOutboundTerminated(entry: CallEntry): void {
    if (entry.view.status === 'ended') return;
    if (entry.view.answeredAt) {
      this.endCall(entry, entry.remoteBye ? 'hangup-remote' : entry.localBye ? 'hangup-local' : 'network', 200);
    } else if (entry.cancelReason) {
      this.endCall(entry, entry.cancelReason, entry.finalStatus);
    } else if (entry.finalStatus !== null && entry.finalStatus >= 200 && entry.finalStatus < 300) {
      // Answered, but the answer's media could not be set up: not the lead's doing.
      this.endCall(entry, 'media-lost', entry.finalStatus);
    } else {
      this.endCall(entry, entry.finalStatus !== null ? 'rejected' : 'network', entry.finalStatus);
    }
  }

  async cancelCall(callId: string): Promise<CallView> {
    const entry = this.entry(callId);
    if (entry.view.direction !== 'outbound') throw new ApiFailure('conflict', 'Only an outgoing call can be cancelled; decline an incoming one.');
    if (entry.view.status === 'connected') throw new ApiFailure('conflict', 'The call was answered; hang up instead.');
    if (entry.view.status === 'ended') return { ...entry.view };
    await this.cancelWith(entry, 'cancelled');
    return { ...entry.view };
  }

  private async cancelWith(entry: CallEntry, reason: 'cancelled' | 'ring-timeout'): Promise<void> {
    const inviter = entry.session as Inviter;
    if (entry.cancelReason) return;
    entry.cancelReason = reason;
    // A 487 normally ends it; a peer that never sends one must not leave the call hanging.
    entry.timers.push(
      setTimeout(() => {
        if (entry.view.status !== 'ended') {
          this.endCall(entry, reason, entry.finalStatus);
          this.disposeSession(entry);
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
        await inviter.bye().catch(() => this.disposeSession(entry));
      }
    }
  }

  async hangUp(callId: string): Promise<CallView> {
    const entry = this.entry(callId);
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

  async setMute(callId: string, muted: boolean): Promise<CallView> {
    const entry = this.connectedEntry(callId);
    if (!entry.bridge) throw new ApiFailure('conflict', 'The call has no media yet.');
    await entry.bridge.setMute(muted);
    entry.view.muted = muted;
    this.emitCall(entry, entry.view.status);
    return { ...entry.view };
  }

  async setHold(callId: string, held: boolean): Promise<CallView> {
    const entry = this.connectedEntry(callId);
    if (entry.view.held === held) return { ...entry.view };
    if (entry.holdPending) throw new ApiFailure('conflict', 'A hold change is already in progress.');
    entry.holdPending = true;
    try {
      const accepted = await new Promise<boolean>((resolve, reject) => {
        entry.session
          .invite({
            sessionDescriptionHandlerOptions: { hold: held } as object,
            requestDelegate: { onAccept: () => resolve(true), onReject: () => resolve(false) },
          })
          .catch(reject);
      });
      if (!accepted) throw new ApiFailure('refused', held ? 'The other side refused the hold.' : 'The other side refused to resume.');
      entry.view.held = held;
      this.emitCall(entry, entry.view.status);
      return { ...entry.view };
    } finally {
      entry.holdPending = false;
    }
  }

  async sendDtmf(callId: string, tones: string): Promise<CallView> {
    const entry = this.connectedEntry(callId);
    const digits = tones.toUpperCase();
    const mode = this.accounts.account()?.dtmfMode ?? 'rfc4733';
    let sent = false;
    if (mode === 'rfc4733' && entry.bridge) {
      sent = await entry.bridge.sendDtmf(digits, { durationMs: DTMF_DURATION_MS, gapMs: DTMF_GAP_MS });
    }
    // SIP INFO when configured, or when the far end did not offer telephone-event.
    if (!sent) {
      for (const digit of digits) await this.sendInfoDigit(entry, digit);
    }
    return { ...entry.view };
  }

  private sendInfoDigit(entry: CallEntry, digit: string): Promise<void> {
    return new Promise((resolve, reject) => {
      entry.session
        .info({
          requestOptions: {
            body: { contentDisposition: 'render', contentType: 'application/dtmf-relay', content: `Signal=${digit}\r\nDuration=${DTMF_DURATION_MS}\r\n` },
          },
          requestDelegate: {
            onAccept: () => resolve(),
            onReject: (response) => reject(new ApiFailure('refused', `The other side refused DTMF ${digit} (${response.message.statusCode}).`)),
          },
        })
        .catch(reject);
    });
  }

  private connectedEntry(callId: string): CallEntry {
    const entry = this.entry(callId);
    if (entry.view.status !== 'connected') throw new ApiFailure('conflict', `The call is ${entry.view.status}, not connected.`);
    return entry;
  }

  // ---- inbound ----------------------------------------------------------------------------

  private onInvite(invitation: Invitation, account: SipAccount): void {
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
      onCall: this.activeCalls().length > 0,
      suppression: account.inboundSuppression,
      voicemailUri: account.voicemailUri,
    });
    const entry = this.newEntry(invitation, {
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
      this.emitCall(entry, null);
      this.endCall(entry, 'suppressed', decision.statusCode, { response: decision.response, reason: decision.reason });
      return;
    }

    this.emitCall(entry, null);
    this.deps.events.emit({ type: 'sip.inbound', call: { ...entry.view } });
    invitation.stateChange.addListener((state) => {
      if (state === SessionState.Established) this.setStatusSafe(entry, 'connected');
      else if (state === SessionState.Terminated && entry.view.status !== 'ended') {
        if (entry.view.answeredAt) {
          this.endCall(entry, entry.remoteBye ? 'hangup-remote' : entry.localBye ? 'hangup-local' : 'network', 200);
        } else {
          // The caller hung up (CANCEL) before the rep answered.
          this.endCall(entry, 'missed', 487, { response: 'missed', reason: 'caller hung up while ringing' });
        }
      }
    });
    entry.timers.push(
      setTimeout(() => {
        if (entry.view.status !== 'ringing') return;
        this.endCall(entry, 'missed', 480, { response: 'missed', reason: 'not answered' });
        void invitation.reject({ statusCode: 480 }).catch(() => {});
      }, this.deps.inboundRingTimeoutMs ?? 45_000),
    );
  }

  async answerInbound(callId: string): Promise<CallView> {
    const entry = this.entry(callId);
    if (entry.view.direction !== 'inbound' || entry.view.status !== 'ringing') {
      throw new ApiFailure('conflict', `The call is ${entry.view.direction} and ${entry.view.status}; nothing to answer.`);
    }
    for (const t of entry.timers) clearTimeout(t);
    entry.timers = [];
    this.recordInbound(entry, 'accepted', 'answered by the rep');
    try {
      await (entry.session as Invitation).accept();
    } catch (error) {
      this.endCall(entry, 'media-lost', null);
      throw new ApiFailure('unavailable', `Could not answer: ${error instanceof Error ? error.message : String(error)}`);
    }
    return { ...entry.view };
  }

  async declineInbound(callId: string): Promise<CallView> {
    const entry = this.entry(callId);
    if (entry.view.direction !== 'inbound' || entry.view.status !== 'ringing') {
      throw new ApiFailure('conflict', `The call is ${entry.view.direction} and ${entry.view.status}; nothing to decline.`);
    }
    // 486 tells the caller's network the rep is busy; their voicemail (if any) takes over.
    this.endCall(entry, 'declined', 486, { response: 'declined', reason: 'declined by the rep' });
    await (entry.session as Invitation).reject({ statusCode: 486 }).catch(() => {});
    return { ...entry.view };
  }

  // ---- media ------------------------------------------------------------------------------

  mediaRespond(response: MediaResponse): void {
    if (!this.deps.media.respond) throw new ApiFailure('refused', 'Media runs in the core here; no renderer answers expected.');
    this.deps.media.respond(response);
  }

  async mediaReset(why = 'media module restarted'): Promise<{ endedCalls: number }> {
    const active = this.activeCalls();
    for (const entry of active) await this.endByUs(entry, 'media-lost', why);
    return { endedCalls: active.length };
  }

  // ---- lifecycle --------------------------------------------------------------------------

  async close(): Promise<void> {
    if (this.closed) return;
    for (const entry of this.activeCalls()) await this.endByUs(entry, 'hangup-local', 'app closing').catch(() => {});
    this.closed = true;
    this.generation++;
    this.clearRetry();
    await this.stopUserAgent();
    if (this.registration.status !== 'idle') this.registration.transition({ status: 'idle' });
  }
}
