import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CALL_NAMES } from '../../shared/contract/index.js';
import { createFakeElectron } from '../main/electron/fake-electron.js';

const root = join(import.meta.dirname, '..', '..');
// @ts-expect-error: a plain .mjs script without type declarations
const { buildElectron, contractCallNames } = (await import('../../scripts/build-electron.mjs')) as {
  buildElectron(options: object): Promise<{ main?: string; preload?: string }>;
  contractCallNames(root?: string): Promise<string[]>;
};

let outDir: string;
let preload: string;
beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'dialdesk-build-'));
  ({ preload } = (await buildElectron({ outDir, only: 'preload' })) as { preload: string });
}, 60_000);
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

/** Runs a CommonJS bundle the way a sandboxed preload runs: only `electron` can be required. */
function runSandboxed(file: string, electron: unknown) {
  const required: string[] = [];
  const module = { exports: {} };
  const sandboxRequire = (id: string) => {
    required.push(id);
    if (id === 'electron') return electron;
    throw new Error(`module not found: ${id} (a sandboxed preload can only require electron)`);
  };
  new Function('module', 'exports', 'require', readFileSync(file, 'utf8'))(module, module.exports, sandboxRequire);
  return required;
}

describe('build-electron', () => {
  it('reads the call names from the contract', async () => {
    await expect(contractCallNames(root)).resolves.toEqual(CALL_NAMES);
  });

  it('bundles a preload that runs sandboxed and exposes exactly the contract', () => {
    const electron = createFakeElectron();
    expect(runSandboxed(preload, electron)).toEqual(['electron']);
    const api = electron.contextBridge.exposed.get('dialdesk') as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual([...CALL_NAMES, 'onEvent'].sort());
  });

  it('keeps zod out of the preload', () => {
    const text = readFileSync(preload, 'utf8');
    expect(text.length).toBeLessThan(5_000);
    expect(text).not.toMatch(/zod|safeParse/);
  });
});
