import type { LogLevel } from 'sip.js';
import type { InboundCall, IsoTime, LeadId, Outcome } from '../../../shared/domain.js';
import type { EventHub } from '../api/event-hub.js';
import type { SecretStore } from '../settings/secret-store.js';
import type { SipAccountStore } from './account-store.js';
import type { BackoffOptions } from './backoff.js';
import type { MediaBridgeFactory } from './media-bridge.js';

/*
 * What the SIP service is built from, in its own file: the service's parts
 * (line, call registry, outbound and inbound calls) take these deps and the
 * logger too, and sip-service.ts builds from those parts, so the types live
 * below both rather than in sip-service.ts, which would make a circle.
 */

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
  /** How long an inbound call rings before it counts as missed (answered 480). Default 45 s. */
  inboundRingTimeoutMs?: number;
  /** sip.js log level (default warn). */
  sipLogLevel?: LogLevel;
  /** WebSocket ping interval; a line is dead when a ping is unanswered by the next. Default 10 s. */
  keepAliveMs?: number;
}
