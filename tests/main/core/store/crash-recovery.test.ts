import { spawn } from 'node:child_process';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { LeadStore } from '../../../../main/core/store/lead-store.js';
import { bundleForNode } from '../../../support/bundle-for-node.js';
import { makeLead } from '../../../support/fixtures.js';
import { useTempDirs } from '../../../support/temp-dir.js';

const KILLS = 60;

/** Runs the worker until `killAfterMs` past READY, SIGKILLs it, and returns the ids it acknowledged. */
function runAndKill(script: string, args: string[], killAfterMs: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    const acked: string[] = [];
    let buffered = '';
    let stderr = '';
    const hardStop = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop()!;
      for (const line of lines) {
        if (line === 'READY') setTimeout(() => child.kill('SIGKILL'), killAfterMs);
        else if (line.startsWith('ACK ')) acked.push(line.slice(4));
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('exit', (code, signal) => {
      clearTimeout(hardStop);
      if (signal === 'SIGKILL') resolve(acked);
      else reject(new Error(`worker exited with ${code}: ${stderr}`));
    });
  });
}

describe('crash recovery', () => {
  const tempDir = useTempDirs();
  let script: string;

  beforeAll(async () => {
    script = await bundleForNode(join(import.meta.dirname, 'crash-worker.ts'), 'crash-worker');
  });

  it(`keeps every acknowledged outcome exactly once across ${KILLS} SIGKILLs`, async () => {
    const dir = tempDir();
    const setup = await LeadStore.open(dir);
    const lead = makeLead();
    await setup.addLeads([lead]);
    await setup.close();

    const delays = fc.sample(fc.integer({ min: 0, max: 120 }), { numRuns: KILLS, seed: 20261128 });
    const acknowledged: string[] = [];
    for (let run = 0; run < KILLS; run++) {
      acknowledged.push(...(await runAndKill(script, [dir, lead.id, `run${run}`], delays[run])));
    }
    expect(acknowledged.length).toBeGreaterThan(KILLS);
    console.log(`crash test: ${acknowledged.length} acknowledged outcomes over ${KILLS} kills`);

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
  }, 180_000);
});
