import { Registerer, RegistererState, UserAgent, type Invitation, type Session, type SessionDescriptionHandler } from 'sip.js';
import type { RegistrationState, RegistrationStatus, SipAccount } from '../../../shared/sip.js';
import { ApiFailure } from '../api/api-failure.js';
import type { SipAccounts } from './account-store.js';
import { backoffDelay, DEFAULT_BACKOFF } from './backoff.js';
import { keepAliveWebSocket } from './keep-alive-websocket.js';
import { RegistrationMachine } from './registration-machine.js';
import type { SipLogger, SipServiceDeps } from './sip-service-deps.js';

/** What the calls on the line hear from it; the line itself knows nothing about calls. */
export interface SipLineHooks {
  /** An INVITE to the current UserAgent, with the account it was built from. */
  onInvite(invitation: Invitation, account: SipAccount): void;
  /** The transport died: whatever ran over it is gone. Called before the line goes offline. */
  onTransportLost(): void;
  /** sip.js's SessionDescriptionHandler factory: the media for a session. */
  sessionDescriptionHandler(session: Session): SessionDescriptionHandler;
}

/** The part of a REGISTER response the line reads (sip.js's IncomingResponse). */
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

/**
 * The one SIP line: a sip.js UserAgent over WebSocket and its Registerer. Connects, registers
 * (never while a REGISTER is in flight), goes offline with backoff and retries, and rebuilds
 * everything when the account changes.
 */
export class SipLine {
  private readonly registration: RegistrationMachine;
  private ua: UserAgent | null = null;
  private registerer: Registerer | null = null;
  /** Bumped on every restart/close: callbacks from an older UserAgent are ignored. */
  private generation = 0;
  private retryTimer: NodeJS.Timeout | null = null;
  private retryAttempt = 0;
  private connecting = false;
  private stopped = false;

  constructor(
    private readonly deps: Pick<SipServiceDeps, 'events' | 'now' | 'backoff' | 'sipLogLevel' | 'keepAliveMs'>,
    private readonly accounts: SipAccounts,
    private readonly log: SipLogger,
    private readonly hooks: SipLineHooks,
  ) {
    this.registration = new RegistrationMachine(deps.now, (registration) =>
      deps.events.emit({ type: 'sip.registration', registration }),
    );
    // sip.js opens `new WebSocket(url, 'sip')` on the global. Always `ws`: it is the implementation
    // the lab tests prove against Kamailio. Node 20 has no global, and the one in Electron's Node 22
    // (undici) is untested here, so the app must not silently run on a different transport. Ours
    // pings, so a line that dies without a word is noticed in seconds (keep-alive-websocket.ts).
    (globalThis as { WebSocket?: unknown }).WebSocket = keepAliveWebSocket(deps.keepAliveMs);
  }

  get state(): RegistrationState {
    return this.registration.state;
  }

  get status(): RegistrationStatus {
    return this.registration.status;
  }

  /** The UserAgent calls are made on; null without an account or once stopped. */
  get userAgent(): UserAgent | null {
    return this.ua;
  }

  get closed(): boolean {
    return this.stopped;
  }

  /** The rep's "retry": a failed line is rebuilt, an offline one reconnects now. */
  retry(): void {
    const status = this.registration.status;
    if (status === 'failed') {
      void this.restart();
    } else if (status === 'offline' && !this.connecting) {
      this.clearRetry();
      void this.connect(this.generation);
    }
  }

  /** Tears down the current UserAgent (if any) and builds one from the stored account. */
  async restart(): Promise<void> {
    const gen = ++this.generation;
    this.clearRetry();
    this.retryAttempt = 0;
    await this.stopUserAgent();
    if (this.stopped || gen !== this.generation) return;
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
      sessionDescriptionHandlerFactory: (session) => this.hooks.sessionDescriptionHandler(session),
      delegate: {
        onInvite: (invitation) => {
          if (gen === this.generation) this.hooks.onInvite(invitation, account);
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

  /** Unregisters and stops for good: no retry, no callback from the old UserAgent. */
  async close(): Promise<void> {
    this.stopped = true;
    this.generation++;
    this.clearRetry();
    await this.stopUserAgent();
    if (this.registration.status !== 'idle') this.registration.transition({ status: 'idle' });
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
    this.hooks.onTransportLost();
    this.goOffline(gen, 'connection to the SIP server lost');
  }

  private goOffline(gen: number, reason: string): void {
    if (gen !== this.generation || this.stopped) return;
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
}
