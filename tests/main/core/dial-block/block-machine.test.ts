import { describe, expect, it } from 'vitest';
import {
  BLOCK_TRANSITIONS,
  IllegalBlockTransition,
  LEAD_TRANSITIONS,
  transition,
  type BlockEvent,
} from '../../../../main/core/dial-block/block-machine.js';
import type { BlockStatus, LeadPhase } from '../../../../shared/dial-block.js';

const STATUSES: BlockStatus[] = ['idle', 'running', 'paused', 'ended'];
const PHASES: LeadPhase[] = ['ready', 'countdown', 'dialing', 'ringing', 'answered', 'settling'];
const EVENTS: BlockEvent[] = ['start', 'pause', 'resume', 'end', 'dial', 'countdown', 'fire', 'cancel', 'ring', 'answer', 'hangup', 'settle', 'next', 'skip'];

/** The rules written out once more, independently of the tables, for every state × event. */
function expected(status: BlockStatus, phase: LeadPhase, event: BlockEvent): { status: BlockStatus; phase: LeadPhase } | 'illegal' {
  if (status === 'idle') return event === 'start' ? { status: 'running', phase: 'ready' } : 'illegal';
  if (status === 'ended') return 'illegal';
  if (event === 'start') return 'illegal';
  if (event === 'pause') return status === 'running' ? { status: 'paused', phase } : 'illegal';
  if (event === 'resume') return status === 'paused' ? { status: 'running', phase } : 'illegal';
  if (event === 'end') return { status: 'ended', phase };
  const live = (p: LeadPhase) => ({ status, phase: p });
  const dialsWhilePaused = status === 'paused' && (event === 'dial' || event === 'fire' || event === 'countdown');
  if (dialsWhilePaused) return 'illegal';
  switch (phase) {
    case 'ready':
      return event === 'dial' ? live('dialing') : event === 'countdown' ? live('countdown') : event === 'skip' || event === 'next' ? live('ready') : 'illegal';
    case 'countdown':
      return event === 'fire' ? live('dialing') : event === 'cancel' || event === 'skip' || event === 'next' ? live('ready') : 'illegal';
    case 'dialing':
      return event === 'ring' ? live('ringing') : event === 'answer' ? live('answered') : event === 'next' ? live('ready') : event === 'cancel' ? live('dialing') : 'illegal';
    case 'ringing':
      return event === 'answer' ? live('answered') : event === 'next' ? live('ready') : event === 'cancel' ? live('ringing') : 'illegal';
    case 'answered':
      return event === 'hangup' ? live('settling') : event === 'settle' ? live('answered') : event === 'next' ? live('ready') : 'illegal';
    case 'settling':
      return event === 'settle' ? live('settling') : event === 'next' ? live('ready') : 'illegal';
  }
}

describe('dial block state machine', () => {
  it('every state × event does what the drawn machine says, and everything else is refused', () => {
    let legal = 0;
    let illegal = 0;
    for (const status of STATUSES) {
      for (const phase of PHASES) {
        for (const event of EVENTS) {
          const want = expected(status, phase, event);
          if (want === 'illegal') {
            expect(() => transition({ status, phase }, event), `${status}/${phase} ${event}`).toThrow(IllegalBlockTransition);
            illegal += 1;
          } else {
            expect(transition({ status, phase }, event), `${status}/${phase} ${event}`).toEqual(want);
            legal += 1;
          }
        }
      }
    }
    // Sanity: both kinds were exercised in numbers.
    expect(legal).toBeGreaterThan(40);
    expect(illegal).toBeGreaterThan(150);
  });

  it('names the state and the event when it refuses', () => {
    expect(() => transition({ status: 'running', phase: 'dialing' }, 'skip')).toThrow('A running block with the lead dialing cannot skip.');
    expect(() => transition({ status: 'paused', phase: 'ready' }, 'dial')).toThrow(/paused block .* cannot dial/);
    expect(() => transition({ status: 'ended', phase: 'ready' }, 'resume')).toThrow(IllegalBlockTransition);
  });

  it('the tables hold only known states', () => {
    for (const targets of Object.values(LEAD_TRANSITIONS)) for (const to of Object.values(targets)) expect(PHASES).toContain(to);
    for (const targets of Object.values(BLOCK_TRANSITIONS)) for (const to of Object.values(targets)) expect(STATUSES).toContain(to);
  });
});
