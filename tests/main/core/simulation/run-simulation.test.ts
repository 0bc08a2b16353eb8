import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasStructure, parseScenario, ScenarioError } from '../../../../main/core/simulation/scenario.js';
import { compareWithBaselines, poolRuns, runSimulation, STRATEGIES } from '../../../../main/core/simulation/run-simulation.js';
import { buildWorld } from '../../../../main/core/simulation/synthetic-world.js';

const folder = join(import.meta.dirname, '../../../fixtures/scenarios');
const load = (name: string) => parseScenario(readFileSync(join(folder, name), 'utf8'), name);

describe('shipped scenarios', () => {
  it('are at least five and all valid', () => {
    const files = readdirSync(folder).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThanOrEqual(5);
    for (const file of files) expect(() => load(file)).not.toThrow();
  });
});

describe('hasStructure', () => {
  it('tells the scenario where when a lead is called changes nothing from the rest', () => {
    const files = readdirSync(folder).filter((f) => f.endsWith('.json'));
    expect(files.filter((f) => !hasStructure(load(f)))).toEqual(['no-structure.json']);
    const flat = load('no-structure.json');
    // Hours outside the legal window are never dialled: a curve there is no structure.
    expect(hasStructure({ ...flat, answer: { ...flat.answer, hourly: flat.answer.hourly.map((x, h) => (h === 22 ? 0.9 : x)) } })).toBe(false);
    expect(hasStructure({ ...flat, answer: { ...flat.answer, hourly: flat.answer.hourly.map((x, h) => (h === 20 ? 0.3 : x)) } })).toBe(true);
    expect(hasStructure({ ...flat, answer: { ...flat.answer, personal: { ...flat.answer.personal, share: 0.2, inside: 2 } } })).toBe(true);
  });
});

describe('runSimulation', () => {
  // Early-only, cut down: 300 leads over ten days.
  const small = { ...load('early-only.json'), leads: 300, days: 10 };

  it('runs every strategy on the same number of dials and is reproducible per seed', () => {
    const result = runSimulation(small, 5);
    expect(Object.keys(result.strategies)).toEqual([...STRATEGIES]);
    expect(result.dials).toBeGreaterThan(100);
    for (const name of STRATEGIES) {
      expect(result.strategies[name].conversationsPer100).toBeGreaterThanOrEqual(0);
      expect(result.strategies[name].reachedShare).toBeLessThanOrEqual(1);
    }
    expect(runSimulation(small, 5)).toEqual(result);
    expect(Object.values(result.made).every((made) => made >= result.dials && made <= result.slots)).toBe(true);
    expect(runSimulation(small, 6)).not.toEqual(result);
  });

  it('learns that only the early band answers, where rotation and a fixed hour cannot', () => {
    const result = runSimulation(small, 5);
    const { difference, standardError } = compareWithBaselines(result);
    expect(difference).toBeGreaterThan(2 * standardError);
    expect(result.strategies.dialdesk.conversationsPer100).toBeGreaterThan(result.strategies['least-tried'].conversationsPer100);
  });

  it('pools runs of several seeds into one comparison resting on all their dials', () => {
    const runs = [runSimulation(small, 5), runSimulation(small, 6)];
    const pooled = poolRuns(runs);
    expect(pooled.dials).toBe(runs[0].dials + runs[1].dials);
    for (const name of STRATEGIES) {
      const conversations = runs.reduce((n, r) => n + (r.strategies[name].conversationsPer100 * r.dials) / 100, 0);
      expect(pooled.strategies[name].conversationsPer100).toBeCloseTo((conversations / pooled.dials) * 100, 9);
      expect(pooled.made[name]).toBe(runs[0].made[name] + runs[1].made[name]);
    }
    expect(compareWithBaselines(pooled).standardError).toBeLessThan(Math.min(...runs.map((r) => compareWithBaselines(r).standardError)));
    expect(poolRuns([runs[0]])).toEqual(runs[0]);
    expect(() => poolRuns([])).toThrow();
  });

  it('draws the answer model the scenario states', () => {
    const world = buildWorld({ ...small, answer: { ...small.answer, personal: { share: 0, windowsPerLead: [1, 1], windowHours: 2, inside: 3, outside: 0.5 } } }, 1);
    const lead = world.leads.find((l) => l.zone === 'America/New_York')!;
    // Monday 2 March 2026, 9:30 and 11:30 in New York.
    expect(world.chance(lead, Date.parse('2026-03-02T14:30:00Z'))).toBeCloseTo(0.35);
    expect(world.chance(lead, Date.parse('2026-03-02T16:30:00Z'))).toBe(0);
    // Outside the legal window no slot is allowed, whatever the answer model says.
    expect(world.allowed(lead, Date.parse('2026-03-02T12:30:00Z'))).toBe(false);
  });
});

describe('parseScenario', () => {
  const valid = readFileSync(join(folder, 'shared-peak.json'), 'utf8');
  const refuse = (change: (s: Record<string, any>) => void) => {
    const raw = JSON.parse(valid);
    change(raw);
    try {
      parseScenario(JSON.stringify(raw), 'bad.json');
    } catch (error) {
      expect(error).toBeInstanceOf(ScenarioError);
      return (error as Error).message;
    }
    throw new Error('the scenario was accepted');
  };

  it('refuses a bad file naming the field and the reason', () => {
    expect(refuse((s) => s.answer.hourly.pop())).toContain('answer.hourly: expected 24 numbers');
    expect(refuse((s) => (s.rep.workdays = [0]))).toContain('rep.workdays.0: ISO weekdays are 1 (Monday) … 7 (Sunday)');
    expect(refuse((s) => (s.zones = { 'Mars/Olympus': 1 }))).toContain('zones.Mars/Olympus: is not an IANA time zone');
    expect(refuse((s) => (s.rep.end = '07:00'))).toContain('rep.end: the rep’s hours must end after they start');
    expect(refuse((s) => (s.answer.personal.windowsPerLead = [3, 1]))).toContain('answer.personal.windowsPerLead');
    expect(refuse((s) => (s.extra = 1))).toContain('extra');
    expect(() => parseScenario('{ not json', 'x.json')).toThrow(/x.json is not JSON/);
  });
});
