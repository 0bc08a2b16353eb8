/** Small rules that were copied around live in one place each; these scans keep new copies out. */
import { describe, expect, it } from 'vitest';
import { digitsOf } from '../../shared/digits.js';
import { isKnownZone } from '../../main/core/timezones/zone-clock.js';
import { sourcesMatching } from '../support/source-files.js';

const holding = sourcesMatching;

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

  it('a script variable with no value: marked as shared/script-gaps.ts says, nowhere else', () => {
    expect(holding(/: not set\]/)).toEqual(['shared/script-gaps.ts']);
  });

  it('the store, its folds and the dial gate are assembled in main/core/data-folder.ts, for the app (core.ts) and the CLI alike', () => {
    expect(holding(/(?<!function )\bopenLeadStore\(/)).toEqual(['main/core/data-folder.ts']);
    expect(holding(/(?<!function )\bcreateDialGate\(/)).toEqual(['main/core/data-folder.ts']);
    expect(holding(/(?<!function )\bopenDataFolder\(/).sort()).toEqual(['main/cli/cli.ts', 'main/core/core.ts']);
  });
});
