/** Runs the scheduling benchmarks alone: `npx tsx tests/bench/run-schedule-bench.ts`. */
import { runScheduleBenchmarks } from './schedule-bench.js';

await runScheduleBenchmarks((line) => console.log(line));
