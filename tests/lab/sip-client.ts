/**
 * The core's SIP service as the lab tests drive it: memory secrets and account store, plain-RTP
 * media, and the injected callbacks captured so tests can assert what the store would receive.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DialdeskEvent } from '../../shared/contract/index.js';
import type { InboundCall } from '../../shared/domain.js';
import type { CallView, RegistrationStatus, SipAccount } from '../../shared/sip.js';
import { createEventHub } from '../../main/core/api/event-hub.js';
import { createPlainRtpMedia, type PlainRtpOptions, type PlainRtpSession } from '../support/media/plain-rtp-media.js';
import { createMemoryAccountStore, createMemorySecrets } from '../support/memory-stores.js';
import {
  createSipService,
  SIP_PASSWORD_KEY,
  type CallAttemptRecord,
  type SipService,
  type SipServiceDeps,
} from '../../main/core/sip/index.js';
import { LAB_DOMAIN, LAB_PASSWORD, LAB_PORTS, LAB_WS_URL } from './lab.js';

export const REP_AOR = `sip:rep@${LAB_DOMAIN}`;

export function labAccount(patch: Partial<SipAccount> = {}): SipAccount {
  return {
    serverUrl: LAB_WS_URL,
    aor: REP_AOR,
    authUsername: 'rep',
    displayName: 'Rep Lab',
    callerId: '',
    iceServers: [],
    // Numbers go to the sipp UAS unless a test routes them to a registered phone.
    dialPlan: `sip:{digits}@127.0.0.1:${LAB_PORTS.sippUas}`,
    ringTimeoutSeconds: 25,
    dtmfMode: 'rfc4733',
    inboundSuppression: 'busy-486',
    voicemailUri: '',
    ...patch,
  };
}

export interface SipClientOptions {
  account?: Partial<SipAccount>;
  password?: string | null;
  leads?: Record<string, string>;
  media?: PlainRtpOptions;
  deps?: Partial<SipServiceDeps>;
}

export class SipClient {
  readonly events: DialdeskEvent[] = [];
  readonly attempts: CallAttemptRecord[] = [];
  readonly inbound: InboundCall[] = [];
  readonly media: ReturnType<typeof createPlainRtpMedia>;
  readonly service: SipService;
  readonly dataDir: string;
  private readonly waiters = new Set<() => void>();

  constructor(options: SipClientOptions = {}) {
    this.dataDir = mkdtempSync(join(tmpdir(), 'dialdesk-sip-'));
    const hub = createEventHub();
    hub.subscribe((e) => {
      this.events.push(e);
      for (const w of [...this.waiters]) w();
    });
    this.media = createPlainRtpMedia(options.media);
    const secrets = createMemorySecrets();
    const password = options.password === undefined ? LAB_PASSWORD : options.password;
    if (password !== null) secrets.set(SIP_PASSWORD_KEY, password);
    const leads = options.leads ?? {};
    this.service = createSipService({
      dataDir: this.dataDir,
      secrets,
      events: hub,
      media: this.media,
      now: () => new Date(),
      matchLead: (e164) => leads[e164] ?? null,
      recordAttempt: (a) => {
        this.attempts.push(a);
        this.wake();
      },
      recordInbound: (c) => {
        this.inbound.push(c);
        this.wake();
      },
      accountStore: createMemoryAccountStore(labAccount(options.account)),
      // Lab runs should see a restarted Kamailio quickly; bounds still exercise backoff + jitter.
      backoff: { baseMs: 300, capMs: 2000 },
      logger: process.env.LAB_VERBOSE ? { info: console.log, warn: console.warn, error: console.error } : undefined,
      ...options.deps,
    });
  }

  private wake(): void {
    for (const w of [...this.waiters]) w();
  }

  /** Resolves with the first value `probe` returns that is not undefined, re-checked on every event. */
  waitUntil<T>(what: string, probe: () => T | undefined, timeoutMs = 10_000): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = () => {
        let value: T | undefined;
        try {
          value = probe();
        } catch (error) {
          done();
          reject(error);
          return;
        }
        if (value !== undefined) {
          done();
          resolve(value);
        }
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last events: ${JSON.stringify(this.events.slice(-5))}`));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(check);
      };
      this.waiters.add(check);
      check();
    });
  }

  waitRegistration(status: RegistrationStatus, timeoutMs = 10_000) {
    return this.waitUntil(`registration ${status}`, () => {
      const r = this.service.getRegistration();
      return r.status === status ? r : undefined;
    }, timeoutMs);
  }

  /** The call's view once `predicate` holds. */
  waitCall(callId: string, predicate: (c: CallView) => boolean, what: string, timeoutMs = 10_000): Promise<CallView> {
    return this.waitUntil(`call ${what}`, () => {
      const c = this.service.listCalls().find((x) => x.id === callId);
      return c && predicate(c) ? c : undefined;
    }, timeoutMs);
  }

  /**
   * The call's view once it ended and, for an outbound call, once the app said so: the `ended`
   * event follows the attempt's record by design (a dial block moves on at that event).
   */
  waitEnded(callId: string, timeoutMs = 15_000): Promise<CallView> {
    return this.waitCall(callId, (c) => c.status === 'ended' && (c.direction === 'inbound' || this.callStatuses(callId).includes('ended')), 'ended', timeoutMs);
  }

  /** Statuses the call went through, in order, from the emitted events. */
  callStatuses(callId: string): string[] {
    return this.events.flatMap((e) => (e.type === 'sip.call' && e.call.id === callId && e.call.status !== e.previous ? [e.call.status] : []));
  }

  registrationStatuses(): string[] {
    return this.events.flatMap((e) => (e.type === 'sip.registration' ? [e.registration.status] : []));
  }

  mediaFor(callId: string): PlainRtpSession {
    const s = this.media.sessions.get(callId);
    if (!s) throw new Error(`no media session for ${callId}`);
    return s;
  }

  async close(): Promise<void> {
    await this.service.close();
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}
