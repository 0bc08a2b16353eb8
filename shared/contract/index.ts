import type { z } from 'zod';
import type { Result } from '../result.js';
import { appCalls } from './app.js';
import { doNotCallCalls } from './do-not-call.js';
import type { CallSpec } from './define.js';
import { callingCalls } from './calling.js';
import { dialBlockCalls } from './dial-block.js';
import { returnsCalls } from './returns.js';
import { statsCalls } from './stats.js';
import type { EventListener } from './events.js';
import { leadsCalls } from './leads.js';
import { scheduleCalls } from './schedule.js';
import { sipCalls } from './sip.js';
import { voicemailCalls } from './voicemail.js';
import { practiceCalls } from './practice.js';
import { teamCalls } from './team.js';

/**
 * The one contract between main and renderer. Each area declares its calls in
 * its own file; this object is the whole surface. The preload exposes exactly
 * these names, main validates every input with the schema here.
 */
export const contract = {
  ...appCalls,
  ...leadsCalls,
  ...sipCalls,
  ...scheduleCalls,
  ...doNotCallCalls,
  ...voicemailCalls,
  ...dialBlockCalls,
  ...callingCalls,
  ...returnsCalls,
  ...statsCalls,
  ...practiceCalls,
  ...teamCalls,
};

export type Contract = typeof contract;
export type CallName = keyof Contract;
export const CALL_NAMES = Object.keys(contract) as CallName[];

/** What the renderer passes (defaults may be omitted). */
export type CallInput<K extends CallName> = z.input<Contract[K]['input']>;
/** What a handler receives after validation (defaults filled in). */
export type ParsedInput<K extends CallName> = z.output<Contract[K]['input']>;
export type CallOutput<K extends CallName> = Contract[K] extends CallSpec<z.ZodType, infer O> ? O : never;

/** What the renderer sees as `window.dialdesk`: one named function per call, plus events. */
export type DialdeskApi = {
  [K in CallName]: (input: CallInput<K>) => Promise<Result<CallOutput<K>>>;
} & {
  onEvent(listener: EventListener): () => void;
};

export const isCallName = (name: unknown): name is CallName =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);

export * from './app.js';
export * from './do-not-call.js';
export * from './calling.js';
export * from './dial-block.js';
export * from './returns.js';
export * from './stats.js';
export * from './events.js';
export * from './practice.js';
export * from './team.js';
export * from './app-commands.js';
export * from './leads.js';
export * from './schedule.js';
export * from './sip.js';
export * from './sip-events.js';
export * from './voicemail.js';
export type { CallSpec } from './define.js';
