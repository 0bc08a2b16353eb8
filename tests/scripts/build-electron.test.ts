import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CALL_NAMES } from '../../shared/contract/index.js';
import { createFakeElectron } from '../main/electron/fake-electron.js';

const root = join(import.meta.dirname, '..', '..');
// @ts-expect-error: a plain .mjs script without type declarations
const { buildElectron, contractCallNames } = (await import('../../scripts/build-electron.mjs')) as {
  buildElectron(options: object): Promise<{ main?: string; preload?: string; migrations?: string }>;
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

describe('build-electron: the team database migrations', () => {
  it('copies main/core/team/migrations beside main.cjs, where the bundled code looks for them, and drops stale ones', async () => {
    const out = mkdtempSync(join(tmpdir(), 'dialdesk-build-main-'));
    try {
      // A migration left from an older build must not ship.
      mkdirSync(join(out, 'migrations'));
      writeFileSync(join(out, 'migrations', '1000000000000_removed.sql'), '-- Up Migration\nSELECT 1;\n');
      const written = await buildElectron({ outDir: out, only: 'main' });
      expect(written.migrations).toBe(join(out, 'migrations'));
      const source = join(root, 'main/core/team/migrations');
      const shipped = readdirSync(join(out, 'migrations')).sort();
      expect(shipped).toEqual(readdirSync(source).filter((f) => f.endsWith('.sql')).sort());
      expect(shipped.length).toBeGreaterThanOrEqual(3);
      for (const file of shipped) expect(readFileSync(join(out, 'migrations', file), 'utf8')).toBe(readFileSync(join(source, file), 'utf8'));
      // The bundle finds them beside itself (its own file's URL), not through an import.meta it no longer has.
      const bundle = readFileSync(written.main!, 'utf8');
      expect(bundle).toMatch(/MIGRATIONS_DIR = .*fileURLToPath\)\(__dialdeskImportMetaUrl\)\), "migrations"\)/);
      expect(bundle).not.toMatch(/import_meta\d*\.dirname/);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 120_000);
});
