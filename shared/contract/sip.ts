import { z } from 'zod';
import {
  DTMF_MODES,
  INBOUND_SUPPRESSIONS,
  RING_TIMEOUT_DEFAULT_SECONDS,
  RING_TIMEOUT_MAX_SECONDS,
  RING_TIMEOUT_MIN_SECONDS,
  type CallView,
  type RegistrationState,
  type SipAccountView,
} from '../sip.js';
import { plainWebSocketProblem } from '../plain-websocket.js';
import { call } from './define.js';

const e164 = z.string().regex(/^\+[1-9]\d{6,14}$/, 'expected an E.164 number such as +15551234567');
const sipUri = z.string().max(256).regex(/^sips?:[^\s@]+@[^\s@]+$/, 'expected a SIP address such as sip:rep@pbx.example.com');
const callId = z.string().min(1).max(64);

/** The non-secret account fields, as saved. Exported for unit tests and the CLI. */
export const sipAccountSchema = z
  .object({
    serverUrl: z
      .string()
      .max(256)
      .regex(/^wss?:\/\/[^\s/]+(\/\S*)?$/, 'expected a WebSocket URL such as wss://pbx.example.com:8089/ws')
      .superRefine((url, ctx) => {
        const problem = plainWebSocketProblem(url);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      }),
    aor: sipUri,
    authUsername: z.string().max(128).regex(/^\S*$/, 'no spaces').default(''),
    displayName: z.string().max(100).default(''),
    callerId: z.union([z.literal(''), e164]).default(''),
    iceServers: z
      .array(z.string().max(256).regex(/^(stun|stuns|turn|turns):\S+$/, 'expected stun:host:port or turn:host:port'))
      .max(10)
      .default([]),
    dialPlan: z
      .string()
      .max(256)
      .regex(/^sips?:\S+$/, 'expected a SIP URI template such as sip:{e164}@pbx.example.com')
      .refine((t) => (t.match(/\{(e164|digits)\}/g) ?? []).length === 1, 'use exactly one of {e164} or {digits}')
      .refine((t) => !/\{(?!e164\}|digits\})/.test(t), 'unknown placeholder (use {e164} or {digits})'),
    ringTimeoutSeconds: z
      .number()
      .int()
      .min(RING_TIMEOUT_MIN_SECONDS, `ring at least ${RING_TIMEOUT_MIN_SECONDS} s so a lead can pick up`)
      .max(RING_TIMEOUT_MAX_SECONDS)
      .default(RING_TIMEOUT_DEFAULT_SECONDS),
    dtmfMode: z.enum(DTMF_MODES).default('rfc4733'),
    inboundSuppression: z.enum(INBOUND_SUPPRESSIONS).default('busy-486'),
    voicemailUri: z.union([z.literal(''), sipUri]).default(''),
  })
  .strict()
  .refine((a) => a.inboundSuppression !== 'divert-302' || a.voicemailUri !== '', {
    message: 'diverting to voicemail needs a voicemail SIP address',
    path: ['voicemailUri'],
  });

export const saveSipAccountSchema = z
  .object({
    account: sipAccountSchema,
    /** Omitted = keep the stored password; a value replaces it. Never sent back. */
    password: z.string().min(1).max(256).optional(),
    clearPassword: z.boolean().default(false),
  })
  .strict();

/** Digits a keypad can send: RFC 4733 events 0–15. */
export const dtmfTonesSchema = z.string().regex(/^[0-9*#A-Da-d]{1,32}$/, 'expected keypad digits 0-9 * # A-D');

export const mediaResponseSchema = z.union([
  z
    .object({
      id: z.string().min(1).max(64),
      ok: z.literal(true),
      description: z.object({ body: z.string().max(100_000), contentType: z.string().max(100) }).strict().optional(),
      sent: z.boolean().optional(),
    })
    .strict(),
  z.object({ id: z.string().min(1).max(64), ok: z.literal(false), error: z.string().max(1000) }).strict(),
]);

const empty = z.object({}).strict();
const byCall = z.object({ callId }).strict();

export const sipCalls = {
  getSipAccount: call<SipAccountView | null>()(empty),
  /** Saves and re-registers with the new account. */
  saveSipAccount: call<SipAccountView>()(saveSipAccountSchema),
  getRegistration: call<RegistrationState>()(empty),
  /** "Retry now" after a failure or while offline. */
  retryRegistration: call<RegistrationState>()(empty),
  listCalls: call<CallView[]>()(empty),
  dial: call<CallView>()(z.object({ number: e164, leadId: z.string().min(1).max(64).nullable().default(null) }).strict()),
  /**
   * The Phone screen's test call, to what the rep typed: a phone number (E.164 or national in their
   * country; through the dial gate like any dial) or a line of their own PBX (`600`, `sip:echo@pbx`).
   */
  testCall: call<CallView>()(z.object({ target: z.string().trim().min(1, 'type a number, an extension or a SIP address').max(256) }).strict()),
  cancelCall: call<CallView>()(byCall),
  hangUp: call<CallView>()(byCall),
  setMute: call<CallView>()(z.object({ callId, muted: z.boolean() }).strict()),
  setHold: call<CallView>()(z.object({ callId, held: z.boolean() }).strict()),
  sendDtmf: call<CallView>()(z.object({ callId, tones: dtmfTonesSchema }).strict()),
  answerInbound: call<CallView>()(byCall),
  declineInbound: call<CallView>()(byCall),
  /** The renderer's answer to a `sip.media.request` event. */
  mediaRespond: call<null>()(mediaResponseSchema),
  /** The renderer (re)started with no media: calls that relied on it are ended as `media-lost`. */
  mediaReset: call<{ endedCalls: number }>()(empty),
};
