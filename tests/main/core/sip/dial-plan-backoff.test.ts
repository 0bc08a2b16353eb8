import { describe, expect, it } from 'vitest';
import { backoffDelay } from '../../../../main/core/sip/backoff.js';
import { applyDialPlan } from '../../../../main/core/sip/dial-plan.js';
import { callerNumber } from '../../../../main/core/sip/caller.js';

describe('dial plan', () => {
  it('fills {e164} with the plus and {digits} without', () => {
    expect(applyDialPlan('sip:{e164}@pbx.example.com', '+15551234567')).toBe('sip:+15551234567@pbx.example.com');
    expect(applyDialPlan('sip:00{digits}@pbx.example.com;user=phone', '+442071234567')).toBe('sip:00442071234567@pbx.example.com;user=phone');
    expect(applyDialPlan('sips:{digits}@10.0.0.1:5061', '+15551234567')).toBe('sips:15551234567@10.0.0.1:5061');
  });

  it('refuses numbers that are not E.164 and templates that are not one placeholder in a SIP URI', () => {
    expect(() => applyDialPlan('sip:{e164}@pbx', '5551234567')).toThrow(/E\.164/);
    expect(() => applyDialPlan('sip:{e164}@pbx', '+1555')).toThrow(/E\.164/);
    expect(() => applyDialPlan('sip:pbx', '+15551234567')).toThrow(/exactly one/);
    expect(() => applyDialPlan('sip:{e164}{digits}@pbx', '+15551234567')).toThrow(/exactly one/);
    expect(() => applyDialPlan('sip:{number}@pbx', '+15551234567')).toThrow(/exactly one/);
    expect(() => applyDialPlan('tel:{e164}', '+15551234567')).toThrow(/SIP URI/);
  });
});

describe('reconnect backoff with jitter', () => {
  const opts = (random: () => number) => ({ baseMs: 500, capMs: 30_000, random });

  it('doubles per attempt, stays within [step/2, step], and is capped', () => {
    const steps = [500, 1000, 2000, 4000, 8000, 16000, 30000, 30000];
    steps.forEach((step, i) => {
      expect(backoffDelay(i + 1, opts(() => 0))).toBe(step / 2);
      expect(backoffDelay(i + 1, opts(() => 0.999999))).toBe(step);
    });
    expect(backoffDelay(1000, opts(() => 0.999999))).toBe(30_000);
  });

  it('jitters: real randomness spreads within the bounds', () => {
    const values = Array.from({ length: 200 }, () => backoffDelay(5, { baseMs: 500, capMs: 30_000 }));
    for (const v of values) {
      expect(v).toBeGreaterThanOrEqual(4000);
      expect(v).toBeLessThanOrEqual(8000);
    }
    expect(new Set(values).size).toBeGreaterThan(50);
  });

  it('rejects attempt numbers below 1', () => {
    expect(() => backoffDelay(0)).toThrow();
    expect(() => backoffDelay(1.5)).toThrow();
  });
});

describe('caller number', () => {
  it('makes E.164 from +, 00 and national forms; keeps anything else as received', () => {
    expect(callerNumber('+15551230123', 'US')).toBe('+15551230123');
    expect(callerNumber('0015551230123', 'US')).toBe('+15551230123');
    expect(callerNumber('2125550123', 'US')).toBe('+12125550123');
    expect(callerNumber('anonymous', 'US')).toBe('anonymous');
    expect(callerNumber('1001', 'US')).toBe('1001');
  });
});
