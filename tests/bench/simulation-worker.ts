/**
 * One bench worker thread: runs the simulation runs it is sent, one at a time,
 * and answers each with its result. A run is a pure function of (scenario,
 * seed), so the pool's order and size do not change a figure.
 */
import { readFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { parseScenario, type Scenario } from '../../main/core/simulation/scenario.js';
import { runSimulation } from '../../main/core/simulation/run-simulation.js';

export interface SimulationJob {
  file: string;
  seed: number;
}

const scenarios = new Map<string, Scenario>();

parentPort!.on('message', ({ file, seed }: SimulationJob) => {
  let scenario = scenarios.get(file);
  if (!scenario) {
    scenario = parseScenario(readFileSync(file, 'utf8'), file);
    scenarios.set(file, scenario);
  }
  parentPort!.postMessage(runSimulation(scenario, seed));
});
