import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CALL_NAMES, contract } from '../../../../shared/contract/index.js';
import { createCore, type Core } from '../../../../main/core/core.js';
import { createMemorySecrets, createMemorySettings } from '../../../support/memory-stores.js';
import { useTempDirs } from '../../../support/temp-dir.js';

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
