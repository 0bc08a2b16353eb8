import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../../support/run-cli.js';
import { useTempDirs } from '../../support/temp-dir.js';

describe('dialdesk simulate', () => {
  const tempDir = useTempDirs();
  const scenarioFile = (dir: string, change: (s: Record<string, any>) => void = () => {}) => {
    const raw = JSON.parse(readFileSync(join(import.meta.dirname, '../../fixtures/scenarios/no-structure.json'), 'utf8'));
    Object.assign(raw, { leads: 60, days: 3 });
    change(raw);
    const file = join(dir, 'scenario.json');
    writeFileSync(file, JSON.stringify(raw));
    return file;
  };

  it('prints one JSON line with every strategy, and opens no data folder', async () => {
    const dir = tempDir();
    const { code, out } = await cli(['simulate', '--scenario', scenarioFile(dir), '--seed', '4', '--json', '--data-dir', join(dir, 'data')]);
    expect(code).toBe(0);
    expect(out.trim().split('\n')).toHaveLength(1);
    const result = JSON.parse(out);
    expect(result.scenario).toBe('no structure: 0.2 at every legal hour');
    expect(result.dials).toBeGreaterThan(0);
    expect(Object.keys(result.strategies)).toEqual(['dialdesk', 'least-tried', 'same-hour', 'random', 'oracle']);
    for (const s of Object.values(result.strategies) as { conversationsPer100: number; reachedShare: number }[]) {
      expect(Object.keys(s)).toEqual(['conversationsPer100', 'reachedShare']);
    }
    expect(existsSync(join(dir, 'data'))).toBe(false);
  });

  it('pools the worlds of several seeds into one comparison', async () => {
    const dir = tempDir();
    const file = scenarioFile(dir);
    const run = async (...args: string[]) => JSON.parse((await cli(['simulate', '--scenario', file, '--json', ...args])).out);
    const [four, five, pooled] = [await run('--seed', '4'), await run('--seed', '5'), await run('--seed', '4', '--seeds', '2')];
    expect(pooled.dials).toBe(four.dials + five.dials);
    const conversations = (r: typeof four) => (r.strategies.dialdesk.conversationsPer100 * r.dials) / 100;
    expect(pooled.strategies.dialdesk.conversationsPer100).toBeCloseTo(((conversations(four) + conversations(five)) / pooled.dials) * 100, 9);
    const text = await cli(['simulate', '--scenario', file, '--seed', '4', '--seeds', '2']);
    expect(text.out).toContain('seeds 4–5, pooled');
    for (const bad of ['0', '1.5', 'x', '101']) {
      const refused = await cli(['simulate', '--scenario', file, '--seeds', bad]);
      expect(refused.code).toBe(2);
      expect(refused.err).toContain('--seeds must be a whole number from 1 to 100');
    }
  });

  it('says there is nothing to compare when a strategy made no dial, instead of a difference of 0 ± 0', async () => {
    const dir = tempDir();
    // The rep works 22:00–23:30 New York time and every lead is in New York: no slot is legal.
    const file = scenarioFile(dir, (s) => {
      s.zones = { 'America/New_York': 1 };
      s.rep = { ...s.rep, zone: 'America/New_York', start: '22:00', end: '23:30' };
    });
    const { code, out } = await cli(['simulate', '--scenario', file]);
    expect(code).toBe(0);
    expect(out).toContain('No comparison: dialdesk, least-tried, same-hour, random, oracle made no dial');
    expect(out).not.toContain('±');
  });

  it('refuses a bad scenario with the field and the reason', async () => {
    const dir = tempDir();
    const { code, out, err } = await cli(['simulate', '--scenario', scenarioFile(dir, (s) => (s.answer.cap = 2))]);
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toContain('answer.cap: must be at most 1');
    expect((await cli(['simulate'])).code).toBe(2);
    expect((await cli(['simulate', '--scenario', join(dir, 'missing.json')])).err).toContain('ENOENT');
  });
});
