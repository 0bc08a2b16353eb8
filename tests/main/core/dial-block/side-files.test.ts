/**
 * The dial block's side files are read through their schemas: a damaged one is set aside with a
 * notice, the app starts with its defaults, and nothing crashes.
 */
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppStatus } from '../../../../shared/contract/index.js';
import type { ReturnsSlots } from '../../../../shared/dial-block.js';
import { createCore, type Core } from '../../../../main/core/core.js';
import { DEFAULT_RETURNS_SLOTS } from '../../../../main/core/returns/returns-slots.js';
import { createMemorySecrets, createMemorySettings } from '../../../support/memory-stores.js';
import { useTempDirs } from '../../../support/temp-dir.js';

async function value<T>(promise: Promise<{ ok: boolean }>): Promise<T> {
  const result = (await promise) as { ok: true; value: T } | { ok: false; error: unknown };
  if (!result.ok) throw new Error(`call failed: ${JSON.stringify(result.error)}`);
  return result.value;
}

const FILES: Array<[string, string]> = [
  // Valid JSON of the wrong shape: the old reader took it as it was.
  ['dial-block.json', JSON.stringify({ status: 'running', phase: 'flying', queue: 'everyone' })],
  ['answered-calls.json', JSON.stringify({ open: [{ callId: 7 }] })],
  ['returns-slots.json', JSON.stringify({ '1': [{ start: '25:00', end: 'noon' }] })],
  ['returned.json', '{"inbound-1": '],
];

describe('dial block side files', () => {
  const tempDir = useTempDirs();
  let core: Core | null = null;
  afterEach(async () => {
    await core?.close();
    core = null;
  });

  it.each(FILES)('a damaged %s is set aside with a notice; the app starts on its defaults', async (name, content) => {
    const dir = tempDir();
    writeFileSync(join(dir, name), content);
    core = await createCore({ dataDir: dir, settings: createMemorySettings(), secrets: createMemorySecrets(), now: () => new Date('2026-12-01T15:00:00Z') });
    const status = await value<AppStatus>(core.dispatch('getStatus', {}));
    const notice = status.notices.find((n) => n.includes(name));
    expect(notice, status.notices.join('\n')).toMatch(/damaged .*kept as .*defaults are in use/);
    const kept = readdirSync(dir).filter((f) => f.startsWith(`${name}.damaged-`));
    expect(kept).toHaveLength(1);
    expect(existsSync(join(dir, kept[0]))).toBe(true);
    expect(await value(core.dispatch('getBlock', {}))).toBeNull();
    expect(await value(core.dispatch('listOpenCalls', {}))).toEqual([]);
    expect(await value<ReturnsSlots>(core.dispatch('getReturnsSlots', {}))).toEqual(DEFAULT_RETURNS_SLOTS);
  });
});
