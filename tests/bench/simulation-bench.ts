/**
 * Every shipped scenario (tests/fixtures/scenarios/*.json) through every
 * strategy on the same synthetic leads and dials, for each of SEEDS (a new
 * world each: leads, windows and luck): conversations per 100 dials per
 * strategy, dialdesk minus the best of least-tried / same-hour / random with
 * its standard error, and dialdesk's share of the oracle on average. The
 * figures pool the seeds' dials (one seed's line is printed too): on one
 * world of 1,000 leads the standard error is about a point, as large as the
 * edge learning has in most scenarios.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { BenchReport } from './bench-report.js';
import { onlyPrivateWindows, privateWindowBound } from './private-window-bound.js';
import { hasStructure, parseScenario } from '../../main/core/simulation/scenario.js';
import { compareWithBaselines, poolRuns, runSimulation, STRATEGIES } from '../../main/core/simulation/run-simulation.js';

const SCENARIOS = join(import.meta.dirname, '../fixtures/scenarios');
const SEEDS = [1, 2, 3, 4, 5];

export function benchmarkSimulation(report: BenchReport): void {
  const files = readdirSync(SCENARIOS).filter((f) => f.endsWith('.json')).sort();
  const shares: number[] = [];
  for (const file of files) {
    const key = basename(file, '.json');
    const scenario = parseScenario(readFileSync(join(SCENARIOS, file), 'utf8'), file);
    const started = performance.now();
    const runs = SEEDS.map((seed) => runSimulation(scenario, seed));
    const result = poolRuns(runs);
    const comparison = compareWithBaselines(result);
    report.note('');
    report.note(
      `${key}: "${scenario.name}" — ${scenario.leads.toLocaleString('en-US')} leads, ${scenario.days} days, seeds ${SEEDS.join(', ')}: ${result.dials.toLocaleString('en-US')} dials per strategy in all (${((performance.now() - started) / 1000).toFixed(1)} s)`,
    );
    report.note(`dials made before the cut, of ${result.slots.toLocaleString('en-US')} slots: ${STRATEGIES.map((n) => `${n} ${result.made[n].toLocaleString('en-US')}`).join(', ')}`);
    report.note(
      `per seed, dialdesk − best baseline in standard errors: ${runs
        .map((run, i) => {
          const one = compareWithBaselines(run);
          return `${SEEDS[i]}: ${(one.difference / one.standardError).toFixed(2)}`;
        })
        .join(', ')}`,
    );
    for (const name of STRATEGIES) {
      const s = result.strategies[name];
      report.figure(`simulation.${key}.${name}.conversations_per_100`, s.conversationsPer100, {
        label: `${name}: conv. / 100 dials (reached ${(s.reachedShare * 100).toFixed(0)}%)`,
        digits: 1,
      });
    }
    report.figure(`simulation.${key}.dialdesk_minus_best`, comparison.difference, { label: `dialdesk − ${comparison.best} (per 100 dials)`, digits: 2 });
    report.figure(`simulation.${key}.standard_error`, comparison.standardError, { label: 'standard error of that difference', digits: 2 });
    // The issue's bar: never lower than two standard errors below the best baseline, and clearly above it (two
    // standard errors) wherever the scenario has a structure to learn.
    const structured = hasStructure(scenario);
    report.figure(`simulation.${key}.difference_in_standard_errors`, comparison.difference / comparison.standardError, {
      label: `difference / standard error (${structured ? 'structured: clearly more' : 'no structure: no harm'})`,
      digits: 2,
      target: { min: structured ? 2 : -2 },
    });
    report.figure(`simulation.${key}.oracle_share`, comparison.oracleShare, { label: 'dialdesk / oracle', digits: 2 });
    if (onlyPrivateWindows(scenario)) {
      const bound = privateWindowBound(scenario);
      report.note('only private windows: what learning a lead\'s windows from its own failures can pay, per lead (no capacity, no days)');
      report.figure(`simulation.${key}.private_windows.bayes_per_100`, bound.bayes, { label: 'Bayes-optimal per lead: conv. / 100 dials', digits: 1 });
      report.figure(`simulation.${key}.private_windows.rotation_per_100`, bound.rotation, { label: 'rotating bands, same leads: conv. / 100 dials', digits: 1 });
    }
    shares.push(comparison.oracleShare);
  }
  report.note('');
  report.figure('simulation.oracle_share_mean', shares.reduce((n, x) => n + x, 0) / shares.length, {
    label: `dialdesk / oracle, mean of ${shares.length} scenarios`,
    digits: 2,
    target: { min: 0.8 },
  });
}
