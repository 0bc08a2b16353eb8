import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CALL_NAMES, contract } from '../../../../shared/contract/index.js';
import { createCore, type Core } from '../../../../main/core/core.js';
import { createMemorySecrets, createMemorySettings } from '../../../support/memory-stores.js';
import { useTempDirs } from '../../../support/temp-dir.js';
import { MUST_REFUSE } from './must-refuse.js';

/** Values a compromised or buggy renderer could send: wrong types, wrong shapes, huge and odd strings. */
const hostile = fc.oneof(
  fc.anything({ maxDepth: 3 }),
  fc.constantFrom(null, undefined, 0, -1, NaN, '', 'x'.repeat(100_000), [], [[]], { __proto__: { ok: true } }, Object.create(null)),
  fc.dictionary(fc.constantFrom('id', 'leadId', 'outcome', 'query', 'limit', 'offset', 'contentBase64', 'mapping', 'number', 'callId', 'confirm', 'kind'), fc.anything({ maxDepth: 2 })),
);

describe('contract fuzz', () => {
  // The suite's tests share one core: its folder must last until afterAll has closed it.
  const tempDir = useTempDirs('all');
  let core: Core;

  beforeAll(async () => {
    core = await createCore({ dataDir: tempDir(), settings: createMemorySettings(), secrets: createMemorySecrets() });
    await core.dispatch('loadSampleLeads', {});
  });
  afterAll(() => core.close());

  it('has a hand-written list of what every call must refuse, and no entry for a call that is gone', () => {
    expect(CALL_NAMES.filter((name) => !(name in MUST_REFUSE)), 'add what these calls must refuse to must-refuse.ts').toEqual([]);
    expect(Object.keys(MUST_REFUSE).filter((name) => !(CALL_NAMES as string[]).includes(name))).toEqual([]);
    for (const name of CALL_NAMES) expect(MUST_REFUSE[name].refuse.length, name).toBeGreaterThanOrEqual(2);
  });

  it.each(CALL_NAMES)('%s refuses every input on its independent list as invalid, and accepts its valid example', async (name) => {
    for (const input of MUST_REFUSE[name].refuse) {
      const result = await core.dispatch(name, input);
      expect(result, JSON.stringify(input)?.slice(0, 200)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    }
    if ('accept' in MUST_REFUSE[name]) {
      const result = await core.dispatch(name, MUST_REFUSE[name].accept);
      if (!result.ok) expect(result.error.code, result.error.message).not.toBe('invalid-input');
    }
  });

  it.each(CALL_NAMES)('%s answers malformed input with { ok: false, error } and never throws', async (name) => {
    await fc.assert(
      fc.asyncProperty(hostile, async (input) => {
        const result = await core.dispatch(name, input);
        expect(typeof result.ok).toBe('boolean');
        if (!contract[name].input.safeParse(input ?? {}).success) {
          expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
        }
        if (!result.ok) {
          expect(result.error.message.length).toBeGreaterThan(0);
          expect(result.error.code).not.toBe('internal');
        }
      }),
      { numRuns: 60, seed: 42 },
    );
  });

  it('answers unknown call names and keeps working afterwards', async () => {
    for (const name of [undefined, null, 42, '__proto__', 'constructor', 'toString', 'listLeads ', {}]) {
      expect(await core.dispatch(name, {})).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    }
    const page = await core.dispatch('listLeads', { limit: 5 });
    expect(page).toMatchObject({ ok: true, value: { total: 15 } });
  });
});
