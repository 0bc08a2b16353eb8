import { describe, expect, it } from 'vitest';
import type { CallStatus, RegistrationState, RegistrationStatus } from '../../../../shared/sip.js';
import { CALL_TRANSITIONS, assertCallTransition } from '../../../../main/core/sip/call-machine.js';
import { IllegalTransitionError, REGISTRATION_TRANSITIONS, RegistrationMachine } from '../../../../main/core/sip/registration-machine.js';

const CALL_STATUSES: CallStatus[] = ['dialing', 'ringing', 'early-media', 'connected', 'ended'];
const REG_STATUSES: RegistrationStatus[] = ['idle', 'registering', 'registered', 'failed', 'offline'];

describe('call state machine', () => {
  it('allows exactly the drawn transitions and throws on every other', () => {
    for (const from of CALL_STATUSES) {
      for (const to of CALL_STATUSES) {
        const allowed = CALL_TRANSITIONS[from].includes(to);
        if (allowed) expect(() => assertCallTransition(from, to)).not.toThrow();
        else expect(() => assertCallTransition(from, to), `${from} → ${to}`).toThrow(IllegalTransitionError);
      }
    }
  });

  it('ended is final and connected can only end', () => {
    expect(CALL_TRANSITIONS.ended).toEqual([]);
    expect(CALL_TRANSITIONS.connected).toEqual(['ended']);
    expect(() => assertCallTransition('connected', 'ringing')).toThrow('Invalid call transition from connected to ringing');
  });

  it('every non-final state can end (cancel, failure, network)', () => {
    for (const s of CALL_STATUSES.filter((x) => x !== 'ended')) expect(CALL_TRANSITIONS[s]).toContain('ended');
  });
});

describe('registration state machine', () => {
  const make = () => {
    let t = Date.parse('2026-03-02T10:42:00Z');
    const seen: RegistrationState[] = [];
    const machine = new RegistrationMachine(() => new Date(t), (s) => seen.push(s));
    return { machine, seen, advance: (ms: number) => (t += ms) };
  };

  it('allows exactly the drawn transitions from every state and throws on the rest, without emitting', () => {
    const pathTo: Record<RegistrationStatus, RegistrationStatus[]> = {
      idle: [],
      registering: ['registering'],
      registered: ['registering', 'registered'],
      failed: ['registering', 'failed'],
      offline: ['offline'],
    };
    for (const from of REG_STATUSES) {
      for (const to of REG_STATUSES) {
        const { machine, seen } = make();
        for (const step of pathTo[from]) machine.transition({ status: step });
        const before = seen.length;
        if (REGISTRATION_TRANSITIONS[from].includes(to)) {
          expect(machine.transition({ status: to }).status).toBe(to);
          expect(seen.length).toBe(before + 1);
        } else {
          expect(() => machine.transition({ status: to }), `${from} → ${to}`).toThrow(IllegalTransitionError);
          expect(seen.length).toBe(before);
          expect(machine.status).toBe(from);
        }
      }
    }
  });

  it('emits every transition; failed does not retry into offline', () => {
    const { machine, seen } = make();
    machine.transition({ status: 'registering', aor: 'sip:rep@pbx' });
    machine.transition({ status: 'failed', reason: 'authentication failed' });
    expect(() => machine.transition({ status: 'offline' })).toThrow(IllegalTransitionError);
    expect(seen.map((s) => s.status)).toEqual(['registering', 'failed']);
    expect(seen[1]).toMatchObject({ reason: 'authentication failed', aor: 'sip:rep@pbx', nextRetryAt: null });
  });

  it('keeps offlineSince from the first drop through retries until registered', () => {
    const { machine, advance } = make();
    machine.transition({ status: 'registering' });
    machine.transition({ status: 'registered' });
    advance(60_000);
    const down = machine.transition({ status: 'offline', reason: 'connection lost', nextRetryAt: '2026-03-02T10:43:01Z' });
    expect(down.offlineSince).toBe('2026-03-02T10:43:00.000Z');
    expect(down.registeredAt).toBeNull();
    advance(5000);
    expect(machine.transition({ status: 'registering' }).offlineSince).toBe('2026-03-02T10:43:00.000Z');
    expect(machine.transition({ status: 'offline', reason: 'still down' }).offlineSince).toBe('2026-03-02T10:43:00.000Z');
    machine.transition({ status: 'registering' });
    const up = machine.transition({ status: 'registered' });
    expect(up.offlineSince).toBeNull();
    expect(up.registeredAt).toBe('2026-03-02T10:43:05.000Z');
  });
});
