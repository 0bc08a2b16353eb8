/**
 * Team mode figures against a throwaway PostgreSQL (tests/lab/postgres.ts): how fast an opt-out reaches
 * another online rep's gate, claims per second and double claims with 20 reps racing for a minute, and
 * one sync of 10,000 attempts. Run it under the shared lock: flock /tmp/dialdesk-heavy.lock npm run bench -- --only team
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDialGate } from '../../main/core/calling/dial-gate.js';
import { DoNotCallStore } from '../../main/core/schedule/do-not-call-store.js';
import { LeadStore } from '../../main/core/store/lead-store.js';
import { addRep, migrateTeamDatabase } from '../../main/core/team/team-database.js';
import { TeamLink } from '../../main/core/team/team-link.js';
import { joinTeam } from '../../main/core/team/team.js';
import { startPgCluster } from '../lab/postgres.js';
import { runClaimRace, seedPool } from '../lab/team/claim-race.js';
import { createMemorySettings } from '../support/memory-stores.js';
import type { BenchReport } from './bench-report.js';
import { generateStore } from './generate-store.js';

const ROUNDS = 40;

async function folder(adminUrl: string, name: string, dirs: string[], attempts = 0) {
  const dir = mkdtempSync(join(tmpdir(), `dialdesk-team-bench-${name}-`));
  dirs.push(dir);
  if (attempts > 0) generateStore(dir, 200, attempts, 1);
  const rep = await addRep(adminUrl, name);
  const store = await LeadStore.open(dir);
  const doNotCall = await DoNotCallStore.open(dir, new Date());
  const deps = { dataDir: dir, doNotCall, store: () => store, password: () => rep.password, now: () => new Date() };
  return { dir, rep, store, doNotCall, deps };
}

export async function benchmarkTeam(report: BenchReport): Promise<void> {
  const cluster = await startPgCluster();
  const dirs: string[] = [];
  try {
    await migrateTeamDatabase(cluster.adminUrl);

    const a = await folder(cluster.adminUrl, 'Bench A', dirs);
    const b = await folder(cluster.adminUrl, 'Bench B', dirs);
    const teamA = (await joinTeam(a.deps, a.rep.url)).team;
    const teamB = (await joinTeam(b.deps, b.rep.url)).team;
    const link = new TeamLink(teamB, { everyMs: 600_000 });
    await link.start();
    const gate = createDialGate({ store: () => b.store, settings: createMemorySettings(), doNotCall: b.doNotCall, now: () => new Date() });
    const times: number[] = [];
    for (let i = 0; i < ROUNDS; i += 1) {
      const number = `+1305556${String(i).padStart(4, '0')}`;
      const started = performance.now();
      await teamA.queueOptOut(number, 'bench', randomUUID());
      await teamA.sync();
      while (!(await gate.checkNumber(number)).reason.includes("team's do-not-call list")) {
        if (performance.now() - started > 30_000) throw new Error(`the opt-out of ${number} did not reach B in 30 s`);
        await new Promise((r) => setTimeout(r, 5));
      }
      times.push(performance.now() - started);
    }
    await link.stop();
    times.sort((x, y) => x - y);
    report.figure('team.dnc_propagation_p95_ms', times[Math.ceil(times.length * 0.95) - 1], {
      label: `A's opt-out to B's gate refusing, both online (LISTEN/NOTIFY), p95 of ${ROUNDS}`,
      unit: 'ms',
      target: { max: 2000 },
    });

    const big = await folder(cluster.adminUrl, 'Bench Sync', dirs, 10_000);
    const started = performance.now();
    const joined = await joinTeam(big.deps, big.rep.url);
    report.figure('team.sync_10k_attempts_ms', performance.now() - started, { label: `join and first sync of ${joined.sync.pushed.toLocaleString('en-US')} items (10,000 attempts)`, unit: 'ms' });

    await seedPool(cluster.adminUrl, 10_000);
    const race = await runClaimRace(cluster.adminUrl, 20, 60_000);
    report.figure('team.claims_per_s', race.claimsPerS, { label: '20 reps claiming from 10,000 leads for 60 s (claim 5, record, release)', unit: '/s' });
    report.figure('team.double_claims', race.doubleClaims, { label: 'leads held by two reps at once', unit: '', target: { max: 0 } });
    report.note(`  attempts recorded ${race.attemptsRecorded}, stored ${race.attemptsStored} (${race.distinctAttemptsStored} distinct)`);
    for (const f of [a, b, big]) await f.store.close();
  } finally {
    cluster.stop();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }
}
