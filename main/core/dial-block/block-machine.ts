/**
 * The dial block's state machine. Two levels: the block, and the current lead inside a live block.
 *
 *   block:   idle ──start──▶ running ◀──resume── paused
 *                             │  └────pause─────▶ │
 *                             └──end──▶ ended ◀──end┘
 *
 *   lead (while the block is running or paused):
 *
 *     ready ──dial──▶ dialing ──ring──▶ ringing
 *       ▲  ╲            │  ╲               │  ╲
 *       │   countdown   │   answer──▶ answered◀┘ ╲
 *       │   ▲   │ ╲     │               │    │    ╲
 *       │   │   │  fire─┘(=dial)   settle│    │hangup (not settled yet)
 *       │   │  cancel                   │    ▼
 *       │   │   │                       │  settling ──settle──┐
 *       ├───┼───┘                       │                     │
 *       ◀───┴────── next (SIP settled: no answer, busy, …; or the rep settled) ◀┘
 *
 *   - `next` moves to the following lead: to `ready`, or to `countdown` in power-dial mode.
 *   - `skip` (with a reason) is allowed only from ready/countdown: a call in progress is finished first.
 *   - Pausing keeps the lead's phase; no new dial starts while paused (dial and fire are refused).
 *   - `end` is allowed from any lead phase; an answered call still open stays open for settling.
 *
 * Anything else is refused with IllegalBlockTransition, naming the state and the event.
 */
import type { BlockStatus, LeadPhase } from '../../../shared/dial-block.js';

export type BlockEvent =
  | 'start'
  | 'pause'
  | 'resume'
  | 'end'
  | 'dial'
  | 'countdown'
  | 'fire'
  | 'cancel'
  | 'ring'
  | 'answer'
  | 'hangup'
  | 'settle'
  | 'next'
  | 'skip';

export class IllegalBlockTransition extends Error {
  constructor(
    readonly status: BlockStatus,
    readonly phase: LeadPhase,
    readonly event: BlockEvent,
  ) {
    super(`A ${status} block with the lead ${phase} cannot ${event}.`);
  }
}

export interface MachineState {
  status: BlockStatus;
  phase: LeadPhase;
}

/** Lead-phase transitions; the block must be live (running or paused) for any of them. */
export const LEAD_TRANSITIONS: Readonly<Record<LeadPhase, Partial<Record<BlockEvent, LeadPhase>>>> = {
  ready: { dial: 'dialing', countdown: 'countdown', skip: 'ready', next: 'ready' },
  countdown: { fire: 'dialing', cancel: 'ready', skip: 'ready', next: 'ready' },
  dialing: { ring: 'ringing', answer: 'answered', next: 'ready', cancel: 'dialing' },
  ringing: { answer: 'answered', next: 'ready', cancel: 'ringing' },
  answered: { hangup: 'settling', settle: 'answered', next: 'ready' },
  settling: { settle: 'settling', next: 'ready' },
};

/** Events that start a new call: refused while paused. */
const DIALS: ReadonlySet<BlockEvent> = new Set(['dial', 'fire']);

export const BLOCK_TRANSITIONS: Readonly<Record<BlockStatus, Partial<Record<BlockEvent, BlockStatus>>>> = {
  idle: { start: 'running' },
  running: { pause: 'paused', end: 'ended' },
  paused: { resume: 'running', end: 'ended' },
  ended: {},
};

/** The state after `event`, or IllegalBlockTransition. Pure. */
export function transition(state: MachineState, event: BlockEvent): MachineState {
  const blockNext = BLOCK_TRANSITIONS[state.status][event];
  if (blockNext) return { status: blockNext, phase: event === 'start' ? 'ready' : state.phase };
  const live = state.status === 'running' || state.status === 'paused';
  const phaseNext = LEAD_TRANSITIONS[state.phase][event];
  if (!live || !phaseNext || (state.status === 'paused' && (DIALS.has(event) || event === 'countdown'))) {
    throw new IllegalBlockTransition(state.status, state.phase, event);
  }
  return { status: state.status, phase: phaseNext };
}
