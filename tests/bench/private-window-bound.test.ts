import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenario, type Scenario } from '../../main/core/simulation/scenario.js';
import { onlyPrivateWindows, privateWindowBound } from './private-window-bound.js';

const load = (name: string) => parseScenario(readFileSync(join(import.meta.dirname, '../fixtures/scenarios', name), 'utf8'), name);
const small = (scenario: Scenario, personal: Partial<Scenario['answer']['personal']> = {}): Scenario => ({
  ...scenario,
  leads: 300,
  days: 7,
  answer: { ...scenario.answer, personal: { ...scenario.answer.personal, ...personal } },
});

describe('privateWindowBound', () => {
  it('speaks only to scenarios whose one structure is private windows', () => {
    expect(onlyPrivateWindows(load('personal-windows.json'))).toBe(true);
    for (const name of ['shared-peak.json', 'no-structure.json', 'weekday-effects.json', 'late-peak.json']) expect(onlyPrivateWindows(load(name))).toBe(false);
  });

  it('finds a lead’s narrow window faster than rotation does, and nothing where windows do not matter', () => {
    const sharp = privateWindowBound(small(load('personal-windows.json'), { windowsPerLead: [1, 1], windowHours: 1, inside: 6, outside: 0.05 }));
    expect(sharp.bayes).toBeGreaterThan(sharp.rotation * 1.1);
    // Windows that change nothing: both policies dial the same chance.
    const flat = privateWindowBound(small(load('personal-windows.json'), { inside: 1, outside: 1 }));
    expect(flat.bayes).toBeCloseTo(flat.rotation, 0);
  });
});
