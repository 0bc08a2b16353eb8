/**
 * Dial blocks, returns slots and inbound history: the plain data the renderer shows.
 * The state machine itself lives in main/core/dial-block/block-machine.ts.
 */
import type { AnsweredOutcome, Answering, Attempt, InboundResponse, IsoTime, LeadId } from './domain.js';

export type BlockStatus = 'idle' | 'running' | 'paused' | 'ended';
/** Where the current lead is within a running block. */
export type LeadPhase = 'ready' | 'countdown' | 'dialing' | 'ringing' | 'answered' | 'settling';

export const BLOCK_MINUTES = [30, 45, 60, 90] as const;

export type BlockLength = { kind: 'minutes'; minutes: (typeof BLOCK_MINUTES)[number] } | { kind: 'leads'; leads: number };

export interface BlockFilter {
  /** IANA zone the lead's reference zone must equal. */
  timeZone?: string;
  /** The lead's voicemail stage (which script a voicemail would use). */
  stage?: 'first' | 'follow-up' | 'opt-out';
  /** Text the lead's company, notes, reason or referrer must contain (CRM tags and list names land there on import). */
  text?: string;
}

export interface BlockCounts {
  dials: number;
  conversations: number;
  voicemailsLeft: number;
  promisesMade: number;
  skipped: number;
  /** Inbound calls answered for the rep (486/480/302) while the block ran: the quiet counter. */
  suppressedInbound: number;
}

/** The lead in front of the rep, with what the focus view needs. */
export interface FocusLead {
  leadId: LeadId;
  name: string;
  company: string;
  phone: string;
  /** The lead's local time now ("09:42") and its zone. */
  localTime: string;
  timeZone: string | null;
  attempts: number;
  /** Attempt start minutes in the lead's day (0…1439) with outcomes, for the 24-hour strip. */
  strip: Array<{ minute: number; outcome: string }>;
  /** What was promised last time ("tomorrow at 8:15"), or null. */
  lastPromise: { at: IsoTime; phrase: string } | null;
  /** The line the rep opens with. */
  opener: string;
  openerKind: 'promise' | 'return' | 'script';
  notes: string;
  /** The voicemail script for this lead, ready to read. */
  voicemail: { text: string; scriptId: string | null; scriptVersion: number | null; promisedFor: IsoTime | null; promisedPhrase: string };
  /** Set when the gate would refuse this lead now (the block skips it with this reason). */
  refused: string | null;
  /** Practice only: what the gate would say on a real line ("Outside Florida's hours in real life: …"), else null. */
  realLife?: string | null;
}

export interface BlockView {
  id: string;
  status: BlockStatus;
  phase: LeadPhase;
  length: BlockLength;
  filter: BlockFilter;
  powerDial: boolean;
  /** Seconds between one outcome and the next dial in power-dial mode (0–10). */
  pauseSeconds: number;
  startedAt: IsoTime;
  endedAt: IsoTime | null;
  /** Running time, pauses excluded. */
  elapsedMs: number;
  /** When the power-dial countdown fires (ISO), while the phase is `countdown`. */
  countdownEndsAt: IsoTime | null;
  /** The SIP call of the current lead, while one is up or waiting to be settled. */
  callId: string | null;
  current: FocusLead | null;
  /** Leads left in the queue after the current one. */
  remaining: number;
  counts: BlockCounts;
  /** Restored after a restart: the UI offers to resume. */
  restored: boolean;
}

export interface BlockRecord {
  id: string;
  startedAt: IsoTime;
  endedAt: IsoTime;
  length: BlockLength;
  filter: BlockFilter;
  counts: BlockCounts;
  conversationRate: number;
  /** Callers waiting to be returned when the block ended, and when their slot is. */
  returnsWaiting: number;
  nextSlot: { startsAt: IsoTime; endsAt: IsoTime } | null;
}

/** A daily returns slot in the rep's zone ("HH:MM"); an end before the start runs past midnight. */
export interface ReturnsSlotTemplate {
  start: string;
  end: string;
}

/** 0 = Sunday … 6 = Saturday → that weekday's slots. */
export type ReturnsSlots = Record<string, ReturnsSlotTemplate[]>;

export type InboundState = 'missed' | 'suppressed' | 'answered' | 'returned';

export interface InboundRow {
  id: string;
  from: string;
  displayName: string;
  receivedAt: IsoTime;
  leadId: LeadId | null;
  leadName: string;
  response: InboundResponse;
  reason: string;
  state: InboundState;
  answering: Answering | null;
  /** The outbound attempt that returned it, once returned. */
  returnedBy: string | null;
}

export interface ReturnItem {
  /** The oldest inbound call of this caller still waiting (the queue's key). */
  inboundId: string;
  from: string;
  leadId: LeadId | null;
  leadName: string;
  /** Every unreturned call from this caller, oldest first. */
  calls: Array<{ id: string; receivedAt: IsoTime }>;
  firstCalledAt: IsoTime;
  /** Older than a day: rolled over at least once. */
  stale: boolean;
  answering: Answering | null;
  /** "They are probably answering the voicemail of Tue 14:10 (script v3), which promised Wed 8:15." */
  why: string;
  opener: string;
  slot: { startsAt: IsoTime; endsAt: IsoTime } | null;
}

export interface ReturnsQueue {
  /** The slot running now, or the next one. */
  slot: { startsAt: IsoTime; endsAt: IsoTime; running: boolean } | null;
  items: ReturnItem[];
}

export type { AnsweredOutcome, Answering, Attempt };
