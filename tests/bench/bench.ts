/**
 * `npm run bench`: prints Dialdesk's speed and memory figures. Targets are
 * printed beside the figures; a miss is reported, never hidden, and nothing
 * here is a pass/fail test.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LeadStore } from '../../main/core/store/lead-store.js';
import { bundleForNode } from '../support/bundle-for-node.js';
import { generateStore } from './generate-store.js';
import { runScheduleBenchmarks } from './schedule-bench.js';

const LEADS = 100_000;
const ATTEMPTS = 1_000_000;
const line = (text: string) => process.stdout.write(`${text}\n`);
const verdict = (value: number, target: number) => (value <= target ? 'ok' : 'MISSED');

async function storeBenchmarks(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'dialdesk-bench-'));
  try {
    line(`Store: generating ${LEADS.toLocaleString('en-US')} leads and ${ATTEMPTS.toLocaleString('en-US')} attempts over 24 months…`);
    let started = performance.now();
    generateStore(dir, LEADS, ATTEMPTS, 24);
    line(`  generated in ${((performance.now() - started) / 1000).toFixed(1)} s`);

    started = performance.now();
    const first = await LeadStore.open(dir);
    await first.close();
    line(`  first open, rebuilding summaries from all logs (once, or after state.json is lost): ${(performance.now() - started).toFixed(0)} ms`);

    // Bundled and run by plain node, as the app runs it: a TypeScript loader would add its own memory to the figure.
    const child = await bundleForNode(join(import.meta.dirname, 'store-bench-child.ts'), 'store-bench-child');
    const raw = execFileSync(process.execPath, [child, dir, '1000'], { encoding: 'utf8', maxBuffer: 1 << 20 });
    const { peaks, ...r } = JSON.parse(raw) as Record<string, number> & { peaks: Record<string, number> };
    const size = execFileSync('du', ['-sm', dir], { encoding: 'utf8' }).split('\t')[0];
    line(`  open store:                  ${r.openMs.toFixed(0)} ms   (target ≤ 1500 ms: ${verdict(r.openMs, 1500)})`);
    line(`  record one outcome p50:      ${r.recordP50.toFixed(2)} ms`);
    line(`  record one outcome p95:      ${r.recordP95.toFixed(2)} ms   (target ≤ 5 ms: ${verdict(r.recordP95, 5)}; max ${r.recordMax.toFixed(1)} ms over 1,000)`);
    line(`  peak RSS (open + 1,000):     ${r.peakRssMb.toFixed(0)} MB   (target ≤ 400 MB: ${verdict(r.peakRssMb, 400)})`);
    line(`    peak after each step:      ${Object.entries(peaks).map(([step, mb]) => `${step} ${mb.toFixed(0)}`).join(', ')} (MB)`);
    line(`  lead list, first sort:       ${r.firstSortMs.toFixed(0)} ms; next page ${r.nextPageMs.toFixed(2)} ms`);
    line(`  one lead's timeline:         ${r.timelineMs.toFixed(0)} ms (${r.timeline} attempts)`);
    line(`  data on disk:                ${size} MB`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await storeBenchmarks();
line('');
line('Scheduling:');
await runScheduleBenchmarks((text) => line(`  ${text}`));
