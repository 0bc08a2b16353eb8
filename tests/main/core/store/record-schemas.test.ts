import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCertainlyLead, leadRecordSchema } from '../../../../main/core/store/record-schemas.js';
import { makeLead } from '../../../support/fixtures.js';

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
});
