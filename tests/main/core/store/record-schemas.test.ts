import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attemptRecordSchema, isCertainlyAttempt, isCertainlyLead, leadRecordSchema } from '../../../../main/core/store/record-schemas.js';
import { makeAttempt, makeLead } from '../../../support/fixtures.js';

const FIELDS = Object.keys(makeLead());

/** A valid lead with one field removed or replaced by anything at all, nested zones included. */
const mutatedLead = fc
  .record({
    field: fc.constantFrom(...FIELDS, 'zones.zones', 'zones.ambiguous', 'zones.source', 'zones.country', 'otherPhones.0'),
    value: fc.oneof(fc.anything(), fc.constant(undefined), fc.constant(''), fc.constant(null), fc.array(fc.anything())),
    zoned: fc.boolean(),
  })
  .map(({ field, value, zoned }) => {
    const lead: Record<string, unknown> = makeLead({
      otherPhones: ['+12125550199'],
      zones: zoned ? { zones: ['America/New_York'], ambiguous: false, source: 'phone', country: 'US', places: ['US'] } : null,
    }) as never;
    const [head, tail] = field.split('.');
    const target = (tail === undefined ? lead : lead[head]) as Record<string, unknown> | null;
    if (target === null) return lead;
    if (value === undefined) delete target[tail ?? head];
    else target[tail ?? head] = value;
    return lead;
  });

describe('record schemas', () => {
  it('the quick lead check never accepts what the schema refuses', () => {
    fc.assert(
      fc.property(mutatedLead, (lead) => {
        if (isCertainlyLead(lead)) expect(leadRecordSchema.safeParse(lead).success).toBe(true);
      }),
      { numRuns: 5_000, seed: 20261201 },
    );
  });

  it('the quick lead check accepts the leads the store writes, so opening rarely needs the schema', () => {
    for (const lead of [makeLead(), makeLead({ zones: { zones: ['Europe/Madrid', 'Atlantic/Canary'], ambiguous: true, source: 'phone', country: 'ES' } })]) {
      expect(isCertainlyLead(lead)).toBe(true);
      expect(leadRecordSchema.safeParse(lead).success).toBe(true);
    }
  });

  const ATTEMPT_FIELDS = [...Object.keys(makeAttempt('l', 'no-answer', '2026-11-02T15:00:00.000Z')), 'callId', 'permission', 'workAgainAt'];
  /** A valid attempt (with its optional fields) with one field removed or replaced by anything at all. */
  const mutatedAttempt = fc
    .record({ field: fc.constantFrom(...ATTEMPT_FIELDS), value: fc.oneof(fc.anything(), fc.constant(undefined), fc.constant(''), fc.constant(null), fc.constant(Number.NaN), fc.constant(Infinity)) })
    .map(({ field, value }) => {
      const attempt: Record<string, unknown> = makeAttempt('lead-1', 'voicemail', '2026-11-02T15:00:00.000Z', { callId: 'c-1', permission: 'yes', workAgainAt: '2026-12-01T00:00:00.000Z', sipStatus: 200, scriptId: 's', scriptVersion: 2 }) as never;
      if (value === undefined) delete attempt[field];
      else attempt[field] = value;
      return attempt;
    });

  it('the quick attempt check never accepts what the schema refuses', () => {
    fc.assert(
      fc.property(mutatedAttempt, (attempt) => {
        if (isCertainlyAttempt(attempt)) expect(attemptRecordSchema.safeParse(attempt).success).toBe(true);
      }),
      { numRuns: 5_000, seed: 20261207 },
    );
  });

  it('the quick attempt check accepts the attempts the store writes', () => {
    for (const attempt of [makeAttempt('l', 'no-answer', '2026-11-02T15:00:00.000Z'), makeAttempt('l', 'conversation', '2026-11-02T15:00:00.000Z', { callId: 'c', permission: 'no', workAgainAt: '2026-12-02T15:00:00.000Z', sipStatus: 200 })]) {
      expect(isCertainlyAttempt(attempt)).toBe(true);
      expect(attemptRecordSchema.safeParse(attempt).success).toBe(true);
    }
  });
});
