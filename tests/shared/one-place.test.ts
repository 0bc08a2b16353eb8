/** Small rules that were copied around live in one place each; these scans keep new copies out. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { digitsOf } from '../../shared/digits.js';
import { isKnownZone } from '../../main/core/timezones/zone-clock.js';

const root = new URL('../../', import.meta.url).pathname;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : sources(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}
const holding = (pattern: RegExp) =>
  ['main', 'renderer', 'shared']
    .flatMap((dir) => sources(join(root, dir)))
    .filter((path) => pattern.test(readFileSync(path, 'utf8')))
    .map((path) => relative(root, path));

describe('one rule, one place', () => {
  it('digitsOf: shared/digits.ts only', () => {
    expect(digitsOf('+1 (212) 555-0147 x12')).toBe('1212555014712');
    expect(holding(/\.replace\(\/\\D\/g, ''\)/)).toEqual(['shared/digits.ts']);
  });

  it('whether a time zone is known: main/core/timezones/zone-clock.ts only (isKnownZone; there is no isIanaZone)', () => {
    expect([isKnownZone('America/New_York'), isKnownZone('Mars/Olympus')]).toEqual([true, false]);
    expect(holding(/new Intl\.DateTimeFormat\([^)]*\{ timeZone: zone \}\);\s*(?:return true|known = true);/)).toEqual(['main/core/timezones/zone-clock.ts']);
    expect(holding(/function isIanaZone/)).toEqual([]);
  });

  it('the store, its folds and the dial gate are assembled in main/core/data-folder.ts, for the app (core.ts) and the CLI alike', () => {
    expect(holding(/(?<!function )\bopenLeadStore\(/)).toEqual(['main/core/data-folder.ts']);
    expect(holding(/(?<!function )\bcreateDialGate\(/)).toEqual(['main/core/data-folder.ts']);
    expect(holding(/(?<!function )\bopenDataFolder\(/).sort()).toEqual(['main/cli/cli.ts', 'main/core/core.ts']);
  });
});
