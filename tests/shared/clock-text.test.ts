import { describe, expect, it } from 'vitest';
import { clockText, hhmm, mmss } from '../../shared/clock-text.js';
import { sourcesMatching } from '../support/source-files.js';

describe('clock text', () => {
  it('writes clock times and durations', () => {
    expect([clockText(495), clockText(1260), hhmm(495), hhmm(0), hhmm(1439)]).toEqual(['8:15', '21:00', '08:15', '00:00', '23:59']);
    expect([mmss(7_400), mmss(750_000), mmss(3_723_000), mmss(-5)]).toEqual(['0:07', '12:30', '1:02:03', '0:00']);
  });

  it('is built in shared/clock-text.ts only: no other source pads a "…:ss" or "hh:mm" of its own', () => {
    const pattern = /\$\{[^}]*\}:\$\{String\([^`]*?\)\.padStart\(2, '0'\)\}/;
    const offenders = sourcesMatching(pattern).filter((path) => path !== 'shared/clock-text.ts');
    expect(offenders).toEqual([]);
  });
});
