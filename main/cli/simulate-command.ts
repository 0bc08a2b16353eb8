/**
 * `simulate --scenario FILE.json [--seed N] [--seeds K] [--json]`: runs every
 * strategy on the scenario's synthetic leads and prints conversations per 100
 * dials and the share of leads reached, on the same number of dials. Needs no
 * data folder: the world is drawn from the scenario and the seed. With
 * `--seeds K` it runs K worlds (seeds N … N+K−1) and pools their dials, for a
 * standard error √K times smaller than one world's.
 */
import { readFileSync } from 'node:fs';
import { parseScenario, ScenarioError } from '../core/simulation/scenario.js';
import { compareWithBaselines, poolRuns, runSimulation, STRATEGIES } from '../core/simulation/run-simulation.js';

/** Each world is a full run of every strategy (seconds at 1,000 leads): a bound that keeps a typo from running for hours. */
const MAX_SEEDS = 100;

export interface SimulateOptions {
  scenario?: string;
  seed?: string;
  seeds?: string;
  json?: boolean;
}

/** Returns the exit code; problems the user can fix go to `err` without a stack. */
export function simulateCommand(options: SimulateOptions, out: NodeJS.WritableStream, err: NodeJS.WritableStream): number {
  if (!options.scenario) {
    err.write('simulate needs --scenario FILE.json\n');
    return 2;
  }
  const seed = options.seed === undefined ? 1 : Number(options.seed);
  if (!Number.isSafeInteger(seed) || seed < 0) {
    err.write(`--seed must be a whole number of 0 or more, not "${options.seed}"\n`);
    return 2;
  }
  const count = options.seeds === undefined ? 1 : Number(options.seeds);
  if (!Number.isSafeInteger(count) || count < 1 || count > MAX_SEEDS) {
    err.write(`--seeds must be a whole number from 1 to ${MAX_SEEDS}, not "${options.seeds}"\n`);
    return 2;
  }
  let text: string;
  try {
    text = readFileSync(options.scenario, 'utf8');
  } catch (error) {
    err.write(`Cannot read ${options.scenario}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n`);
    return 1;
  }
  let scenario;
  try {
    scenario = parseScenario(text, options.scenario);
  } catch (error) {
    if (error instanceof ScenarioError) {
      err.write(`${error.message}\n`);
      return 1;
    }
    throw error;
  }
  const seeds = Array.from({ length: count }, (_, i) => seed + i);
  const result = poolRuns(seeds.map((s) => runSimulation(scenario, s)));
  if (options.json) {
    out.write(`${JSON.stringify({ scenario: result.scenario, dials: result.dials, strategies: result.strategies })}\n`);
    return 0;
  }
  const comparison = compareWithBaselines(result);
  const lines = [
    `${result.scenario} (${count === 1 ? `seed ${seed}` : `seeds ${seed}–${seeds[count - 1]}, pooled`}): ${result.dials.toLocaleString('en-US')} dials per strategy, of ${result.slots.toLocaleString('en-US')} slots`,
    `${'strategy'.padEnd(12)} ${'conv/100'.padStart(9)} ${'reached'.padStart(8)} ${'dials made'.padStart(11)}`,
    ...STRATEGIES.map((name) => {
      const s = result.strategies[name];
      return `${name.padEnd(12)} ${s.conversationsPer100.toFixed(1).padStart(9)} ${`${(s.reachedShare * 100).toFixed(1)}%`.padStart(8)} ${result.made[name].toLocaleString('en-US').padStart(11)}`;
    }),
    result.dials === 0
      ? `No comparison: ${STRATEGIES.filter((name) => result.made[name] === 0).join(', ')} made no dial, and every strategy is cut to the fewest dials any made.`
      : `dialdesk − ${comparison.best}: ${comparison.difference.toFixed(2)} ± ${comparison.standardError.toFixed(2)} (standard error); dialdesk / oracle: ${(comparison.oracleShare * 100).toFixed(0)}%`,
  ];
  out.write(`${lines.join('\n')}\n`);
  return 0;
}
