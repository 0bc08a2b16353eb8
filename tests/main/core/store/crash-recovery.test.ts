import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { LeadStore } from '../../../../main/core/store/lead-store.js';
import { bundleForNode } from '../../../support/bundle-for-node.js';
import { makeLead } from '../../../support/fixtures.js';
import { useTempDirs } from '../../../support/temp-dir.js';

const KILLS = 60;
const CHECKPOINT_KILLS = 50;

interface Run {
  acked: string[];
  /** The worker had not finished opening the store when it died. */
  duringOpen: boolean;
}

/**
 * Runs the worker until it dies: killed `killAfterMs` past READY, or by its
 * own hand mid-write when `crashAt` (see crash-worker.ts) is given.
 */
function runAndKill(script: string, args: string[], kill: { afterReadyMs: number } | { crashAt: string }): Promise<Run> {
  return new Promise((resolve, reject) => {
    const env = 'crashAt' in kill ? { ...process.env, DIALDESK_CRASH_AT: kill.crashAt } : process.env;
    const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env });
    const acked: string[] = [];
    let ready = false;
    let buffered = '';
    let stderr = '';
    const hardStop = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop()!;
      for (const line of lines) {
        if (line === 'READY') {
          ready = true;
          if ('afterReadyMs' in kill) setTimeout(() => child.kill('SIGKILL'), kill.afterReadyMs);
        } else if (line.startsWith('ACK ')) acked.push(line.slice(4));
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('exit', (code, signal) => {
      clearTimeout(hardStop);
      if (signal === 'SIGKILL') resolve({ acked, duringOpen: !ready });
      else reject(new Error(`worker exited with ${code}: ${stderr}`));
    });
  });
}

const tempFiles = (dir: string) => readdirSync(dir).filter((name) => name.includes('.tmp-'));

describe('crash recovery', () => {
  const tempDir = useTempDirs();
  let script: string;

  beforeAll(async () => {
    script = await bundleForNode(join(import.meta.dirname, 'crash-worker.ts'), 'crash-worker');
  });

  it(`keeps every acknowledged outcome exactly once across ${KILLS} SIGKILLs, mid-write and mid-open`, async () => {
    const dir = tempDir();
    const setup = await LeadStore.open(dir);
    const lead = makeLead();
    await setup.addLeads([lead]);
    await setup.close();

    const delays = fc.sample(fc.integer({ min: 0, max: 120 }), { numRuns: KILLS, seed: 20261128 });
    const cuts = fc.sample(fc.tuple(fc.integer({ min: 1, max: 20 }), fc.double({ min: 0.05, max: 0.95, noNaN: true })), { numRuns: KILLS, seed: 20261201 });
    const log = join(dir, 'attempts', '2026-11.jsonl');
    const acknowledged: string[] = [];
    const seen = { torn: 0, duringOpen: 0, tempLeft: 0 };
    for (let run = 0; run < KILLS; run++) {
      const [nth, fraction] = cuts[run];
      // A cycle of four: inside the first checkpoint temp file this run writes (after 7 lines, or while
      // opening when the tail left is that long), then again (now always while opening, since the last
      // checkpoint never landed), then inside an attempt line, then at a random moment.
      const kill = run % 4 < 2 ? { crashAt: `temp:1:${fraction}` } : run % 4 === 2 ? { crashAt: `log:${nth}:${fraction}` } : { afterReadyMs: delays[run] };
      const result = await runAndKill(script, [dir, lead.id, `run${run}`], kill);
      acknowledged.push(...result.acked);
      if (result.duringOpen) seen.duringOpen += 1;
      if (tempFiles(dir).length > 0) seen.tempLeft += 1;
      const bytes = existsSync(log) ? readFileSync(log) : Buffer.alloc(0);
      if (bytes.length > 0 && bytes[bytes.length - 1] !== 0x0a) seen.torn += 1;
    }
    console.log(
      `crash test: ${acknowledged.length} acknowledged outcomes over ${KILLS} kills; ${seen.torn} left a torn line, ` +
        `${seen.duringOpen} landed while the store was opening, ${seen.tempLeft} left a temp file`,
    );
    expect(acknowledged.length).toBeGreaterThan(KILLS);
    // The kills did land where the store must repair: torn lines, unfinished temp files, half-done opens.
    expect(seen.torn).toBeGreaterThanOrEqual(KILLS / 8);
    expect(seen.duringOpen).toBeGreaterThanOrEqual(KILLS / 8);
    expect(seen.tempLeft).toBeGreaterThanOrEqual(KILLS / 8);

    const store = await LeadStore.open(dir);
    const ids = [...store.allAttempts()].map((a) => a.id);
    const counts = new Map<string, number>();
    for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
    expect(acknowledged.filter((id) => counts.get(id) !== 1)).toEqual([]);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    // The summaries rebuilt from checkpoint + tail count each attempt once too.
    expect(store.summaryOf(lead.id).attempts).toBe(ids.length);
    expect(store.attemptsFor(lead.id)).toHaveLength(ids.length);
    await store.close();
    expect(tempFiles(dir)).toEqual([]);
  }, 180_000);

  it(`keeps every acknowledged outcome across ${CHECKPOINT_KILLS} SIGKILLs inside the binary checkpoint's write, at random sections and bytes`, async () => {
    const dir = tempDir();
    const setup = await LeadStore.open(dir);
    const lead = makeLead();
    await setup.addLeads([lead]);
    await setup.close();
    // A checkpoint is one write of its header and one of each section: the points reach into the second checkpoint a run writes.
    const points = fc.sample(fc.tuple(fc.integer({ min: 1, max: 48 }), fc.double({ min: 0.01, max: 0.99, noNaN: true })), { numRuns: CHECKPOINT_KILLS, seed: 20261207 });
    const acknowledged: string[] = [];
    let tempLeft = 0;
    for (let run = 0; run < CHECKPOINT_KILLS; run++) {
      const [nth, fraction] = points[run];
      const result = await runAndKill(script, [dir, lead.id, `cp${run}`], { crashAt: `temp:${nth}:${fraction}` });
      acknowledged.push(...result.acked);
      if (tempFiles(dir).length > 0) tempLeft += 1;
    }
    // Every kill landed inside a checkpoint's temp file (nothing else in a run is written through one).
    expect(tempLeft).toBe(CHECKPOINT_KILLS);
    expect(acknowledged.length).toBeGreaterThan(CHECKPOINT_KILLS);

    const store = await LeadStore.open(dir);
    const ids = [...store.allAttempts()].map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(acknowledged.filter((id) => !ids.includes(id))).toEqual([]);
    expect(store.summaryOf(lead.id).attempts).toBe(ids.length);
    await store.close();
    // What the last checkpoint holds agrees with the logs: opened from it, the summary counts every attempt once.
    const reopened = await LeadStore.open(dir);
    expect(reopened.summaryOf(lead.id).attempts).toBe(ids.length);
    await reopened.close();
    expect(tempFiles(dir)).toEqual([]);
  }, 180_000);
});
