/**
 * `npm run bench [-- --only SECTION[,SECTION]]`: prints Dialdesk's speed and
 * memory figures and writes them to `bench-results.json` (one key a figure).
 * Targets are printed beside the figures; a miss is reported, never hidden,
 * and nothing here is a pass/fail test. Measure on an otherwise idle machine.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LeadStore } from '../../main/core/store/lead-store.js';
import { bundleForNode } from '../support/bundle-for-node.js';
import { generateStore } from './generate-store.js';
import { parseArgs } from 'node:util';
import { BenchReport } from './bench-report.js';
import { benchmarkImport } from './import-bench.js';
import { benchmarkPlanning } from './schedule-bench.js';
import { benchmarkSimulation } from './simulation-bench.js';
import { benchmarkVoicemail } from './voicemail-bench.js';
import { benchmarkStats } from './stats-bench.js';
import { benchmarkDialLoop } from './dial-loop-bench.js';
import { benchmarkTeam } from './team-bench.js';
import { benchmarkOnboarding } from './onboarding-bench.js';

const LEADS = 100_000;
const ATTEMPTS = 1_000_000;

async function storeBenchmarks(report: BenchReport): Promise<void> {
  const line = (text: string) => report.note(text);
  const dir = mkdtempSync(join(tmpdir(), 'dialdesk-bench-'));
  try {
    line(`Store: generating ${LEADS.toLocaleString('en-US')} leads and ${ATTEMPTS.toLocaleString('en-US')} attempts over 24 months…`);
    let started = performance.now();
    generateStore(dir, LEADS, ATTEMPTS, 24);
    line(`  generated in ${((performance.now() - started) / 1000).toFixed(1)} s`);

    started = performance.now();
    const first = await LeadStore.open(dir);
    await first.close();
    report.figure('store.rebuild_ms', performance.now() - started, { label: 'first open, rebuilding summaries from the logs', unit: 'ms' });

    // Bundled and run by plain node, as the app runs it: a TypeScript loader would add its own memory to the figure.
    const child = await bundleForNode(join(import.meta.dirname, 'store-bench-child.ts'), 'store-bench-child');
    const raw = execFileSync(process.execPath, [child, dir, '1000'], { encoding: 'utf8', maxBuffer: 1 << 20 });
    const { peaks, ...r } = JSON.parse(raw) as Record<string, number> & { peaks: Record<string, number> };
    const size = execFileSync('du', ['-sm', dir], { encoding: 'utf8' }).split('\t')[0];
    report.figure('store.open_ms', r.openMs, { label: 'open store', unit: 'ms', target: { max: 1000 } });
    report.figure('store.record_p50_ms', r.recordP50, { label: 'record one outcome p50', unit: 'ms' });
    report.figure('store.record_p95_ms', r.recordP95, { label: 'record one outcome p95', unit: 'ms', target: { max: 5 } });
    report.figure('store.record_max_ms', r.recordMax, { label: 'record one outcome, worst of 1,000', unit: 'ms' });
    report.figure('store.peak_rss_mb', r.peakRssMb, { label: 'peak RSS (open + 1,000 outcomes)', unit: 'MB', target: { max: 400 } });
    line(`peak after each step: ${Object.entries(peaks).map(([step, mb]) => `${step} ${mb.toFixed(0)}`).join(', ')} (MB)`);
    report.figure('store.lead_list_first_sort_ms', r.firstSortMs, { label: 'lead list, first sort', unit: 'ms' });
    report.figure('store.lead_list_next_page_ms', r.nextPageMs, { label: 'lead list, next page', unit: 'ms' });
    report.figure('store.timeline_ms', r.timelineMs, { label: `one lead's timeline (${r.timeline} attempts)`, unit: 'ms' });
    report.figure('store.disk_mb', Number(size), { label: 'data on disk', unit: 'MB' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Each section is one area's figures; `--only` runs some of them. Add a section here and nowhere else.
 * `with` names sections whose figures the issue asks for alongside this one's: they run after it
 * (once, however many sections bring them in).
 */
const SECTIONS: Record<string, { title: string; run: (report: BenchReport) => Promise<void> | void; with?: string[] }> = {
  store: { title: `Store (${LEADS.toLocaleString('en-US')} leads, ${ATTEMPTS.toLocaleString('en-US')} attempts)`, run: storeBenchmarks },
  import: { title: 'Import', run: benchmarkImport },
  plan: { title: 'Planning', run: benchmarkPlanning },
  simulation: { title: 'Strategy simulation (tests/fixtures/scenarios)', run: benchmarkSimulation },
  voicemail: { title: 'Voicemail audio (beep detector on the corpus, speech synthesis)', run: benchmarkVoicemail },
  stats: { title: `Stats (${ATTEMPTS.toLocaleString('en-US')} attempts)`, run: benchmarkStats },
  team: { title: 'Team mode (a throwaway PostgreSQL; run under flock /tmp/dialdesk-heavy.lock)', run: benchmarkTeam },
  onboarding: { title: 'The first minute (web shell + Chromium: onboarding → first practice voicemail; run under flock /tmp/dialdesk-heavy.lock)', run: benchmarkOnboarding },
  'dial-loop': { title: 'Dial loop (a 200-lead power-dial block against Kamailio + sipp; run under flock /tmp/dialdesk-lab.lock)', run: benchmarkDialLoop, with: ['stats'] },
};

const { values } = parseArgs({ options: { only: { type: 'string' }, out: { type: 'string', default: 'bench-results.json' } } });
const chosen = values.only ? values.only.split(',').map((s) => s.trim()) : Object.keys(SECTIONS);
const unknown = chosen.filter((name) => !(name in SECTIONS));
if (unknown.length > 0) {
  process.stderr.write(`bench: unknown section ${unknown.join(', ')}; sections: ${Object.keys(SECTIONS).join(', ')}\n`);
  process.exit(2);
}
const report = new BenchReport();
for (const name of [...new Set(chosen.flatMap((name) => [name, ...(SECTIONS[name].with ?? [])]))]) {
  report.heading(SECTIONS[name].title);
  await SECTIONS[name].run(report);
}
report.write(values.out!);
process.stdout.write(`\nWrote ${Object.keys(report.figures).length} figures to ${values.out}.\n`);
