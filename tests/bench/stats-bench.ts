import type { Lead } from '../../shared/domain.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { statsFoldFactory } from '../../main/core/stats/stats-fold.js';
import { computeStats, statsReport } from '../../main/core/stats/store-stats.js';
import { LeadStore } from '../../main/core/store/lead-store.js';
import { DEFAULT_SCHEDULE_SETTINGS } from '../../shared/schedule.js';
import type { BenchReport } from './bench-report.js';
import { generateStore } from './generate-store.js';

const LEADS = 100_000;
const ATTEMPTS = 1_000_000;
const RUNS = 21;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** `stats.query_ms`: the stats screen's query (getStats) over a store of a million attempts, folded as recorded; and `cli stats`, which adds a walk over the leads. */
export async function benchmarkStats(report: BenchReport): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'dialdesk-bench-stats-'));
  try {
    generateStore(dir, LEADS, ATTEMPTS, 24);
    const zone = () => 'America/New_York';
    let started = performance.now();
    const store = await LeadStore.open(dir, { repTimeZone: zone, historyFold: statsFoldFactory(zone) });
    report.note(`  first open with the stats fold (rebuilt from the logs): ${(performance.now() - started).toFixed(0)} ms`);
    try {
      const now = Date.now();
      // The bench's store has no imported list: the rule reduces to the lead's own marks.
      const isDoNotCall = (lead: Lead) => lead.doNotCall || store.summaryOf(lead.id).optedOut;
      const whole: number[] = [];
      const week: number[] = [];
      const cli: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        started = performance.now();
        statsReport(store);
        whole.push(performance.now() - started);
        started = performance.now();
        statsReport(store, { from: '2025-06-02', to: '2025-06-08' });
        week.push(performance.now() - started);
        started = performance.now();
        computeStats(store, DEFAULT_SCHEDULE_SETTINGS, now, isDoNotCall);
        cli.push(performance.now() - started);
      }
      const figures = computeStats(store, DEFAULT_SCHEDULE_SETTINGS, now, isDoNotCall);
      report.note(`  ${figures.dials.toLocaleString('en-US')} dials, ${figures.conversations.toLocaleString('en-US')} conversations over ${figures.byDay.length} days`);
      report.figure('stats.query_ms', median(whole), { label: `stats query, whole history (median of ${RUNS})`, unit: 'ms', target: { max: 50 } });
      report.figure('stats.query_week_ms', median(week), { label: 'stats query, one week', unit: 'ms', target: { max: 50 } });
      report.figure('stats.cli_totals_ms', median(cli), { label: 'cli stats: the query plus promises standing over every lead', unit: 'ms' });
    } finally {
      await store.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
