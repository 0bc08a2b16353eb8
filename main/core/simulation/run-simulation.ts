/**
 * Runs every strategy on the same world and compares them on the same
 * number of dials: the fewest any strategy made (a strategy whose queue runs
 * dry leaves slots unused), each cut to its first `dials` in time order.
 */
import type { Scenario } from './scenario.js';
import { simulateBaseline, type SimDial } from './baseline-strategies.js';
import { simulatePlanner } from './planner-strategies.js';
import { buildWorld } from './synthetic-world.js';

export const STRATEGIES = ['dialdesk', 'least-tried', 'same-hour', 'random', 'oracle'] as const;
export type StrategyName = (typeof STRATEGIES)[number];
export const BASELINES = ['least-tried', 'same-hour', 'random'] as const satisfies readonly StrategyName[];

export interface StrategyResult {
  conversationsPer100: number;
  reachedShare: number;
}

export interface SimulationResult {
  scenario: string;
  dials: number;
  strategies: Record<StrategyName, StrategyResult>;
}

/** The result and what the comparison was cut from: the rep's dial slots and each strategy's dials before the cut. */
export interface SimulationRun extends SimulationResult {
  slots: number;
  made: Record<StrategyName, number>;
}

export interface Comparison {
  best: StrategyName;
  /** dialdesk minus the best baseline, conversations per 100 dials. */
  difference: number;
  /** Standard error of that difference (two independent binomial proportions over `dials` each). */
  standardError: number;
  /** dialdesk / oracle. */
  oracleShare: number;
}

function run(world: ReturnType<typeof buildWorld>, name: StrategyName): SimDial[] {
  switch (name) {
    case 'dialdesk':
      return simulatePlanner(world, 'learning');
    case 'least-tried':
      return simulatePlanner(world, 'least-tried');
    default:
      return simulateBaseline(world, name);
  }
}

export function runSimulation(scenario: Scenario, seed = 1): SimulationRun {
  const world = buildWorld(scenario, seed);
  const runs = STRATEGIES.map((name) => [name, run(world, name)] as const);
  const dials = Math.min(...runs.map(([, list]) => list.length));
  const strategies = {} as Record<StrategyName, StrategyResult>;
  const made = {} as Record<StrategyName, number>;
  for (const [name, list] of runs) {
    made[name] = list.length;
    const used = list.slice(0, dials);
    const reached = new Set<string>();
    for (const dial of used) if (dial.conversation) reached.add(dial.leadId);
    const conversations = used.filter((d) => d.conversation).length;
    strategies[name] = {
      conversationsPer100: dials === 0 ? 0 : (conversations / dials) * 100,
      reachedShare: reached.size / scenario.leads,
    };
  }
  return { scenario: scenario.name, dials, strategies, slots: world.blocks.reduce((n, b) => n + b.slots.length, 0), made };
}

/**
 * Several runs of one scenario (different seeds) as one: dials, slots and
 * conversations summed, each strategy's reach averaged. The standard error
 * of the pooled comparison then rests on every run's dials, so a difference
 * of a point is told from the luck of one world.
 */
export function poolRuns(runs: readonly SimulationRun[]): SimulationRun {
  if (runs.length === 0) throw new Error('poolRuns needs at least one run');
  const dials = runs.reduce((n, r) => n + r.dials, 0);
  const strategies = {} as Record<StrategyName, StrategyResult>;
  const made = {} as Record<StrategyName, number>;
  for (const name of STRATEGIES) {
    const conversations = runs.reduce((n, r) => n + (r.strategies[name].conversationsPer100 * r.dials) / 100, 0);
    strategies[name] = {
      conversationsPer100: dials === 0 ? 0 : (conversations / dials) * 100,
      reachedShare: runs.reduce((n, r) => n + r.strategies[name].reachedShare, 0) / runs.length,
    };
    made[name] = runs.reduce((n, r) => n + r.made[name], 0);
  }
  return { scenario: runs[0].scenario, dials, strategies, slots: runs.reduce((n, r) => n + r.slots, 0), made };
}

export function compareWithBaselines(result: SimulationResult): Comparison {
  const best = [...BASELINES].sort((a, b) => result.strategies[b].conversationsPer100 - result.strategies[a].conversationsPer100)[0];
  const p1 = result.strategies.dialdesk.conversationsPer100 / 100;
  const p2 = result.strategies[best].conversationsPer100 / 100;
  const n = Math.max(1, result.dials);
  const oracle = result.strategies.oracle.conversationsPer100;
  return {
    best,
    difference: (p1 - p2) * 100,
    standardError: Math.sqrt((p1 * (1 - p1)) / n + (p2 * (1 - p2)) / n) * 100,
    oracleShare: oracle > 0 ? result.strategies.dialdesk.conversationsPer100 / oracle : 1,
  };
}
