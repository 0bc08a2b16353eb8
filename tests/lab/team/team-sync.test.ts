/**
 * Team mode against a real PostgreSQL (one throwaway cluster for this file): two data folders join one
 * team; an opt-out recorded by A refuses the number in B's gate with the team's reason, after a sync and
 * through LISTEN/NOTIFY; row-level security holds against B's own role; a crash of the server mid-sync
 * loses and doubles nothing; a stale list blocks every dial until a sync.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDialGate } from '../../../main/core/calling/dial-gate.js';
import { DoNotCallStore } from '../../../main/core/schedule/do-not-call-store.js';
import { LeadStore } from '../../../main/core/store/lead-store.js';
import { claimLeads } from '../../../main/core/team/lead-pool.js';
import { addRep, migrateTeamDatabase, withClient } from '../../../main/core/team/team-database.js';
import { TeamLink } from '../../../main/core/team/team-link.js';
import { joinTeam } from '../../../main/core/team/team.js';
import type { TeamSync } from '../../../main/core/team/team-sync.js';
import { makeAttempt, makeLead } from '../../support/fixtures.js';
import { createMemorySettings } from '../../support/memory-stores.js';
import { startPgCluster, type PgCluster } from '../postgres.js';

const NUMBER = '+12125550147';
const HOUR = 3_600_000;
const NEW_YORK = { zones: ['America/New_York'], ambiguous: false, source: 'import' as const, country: 'US', places: ['US-NY'] };

let cluster: PgCluster;
const dirs: string[] = [];

interface Rep {
  dir: string;
  store: LeadStore;
  doNotCall: DoNotCallStore;
  team: TeamSync;
  url: string;
  password: string;
  clock: { ms: number };
  gate: ReturnType<typeof createDialGate>;
}

async function folderFor(name: string): Promise<Rep> {
  const dir = mkdtempSync(join(tmpdir(), `dialdesk-team-${name}-`));
  dirs.push(dir);
  const rep = await addRep(cluster.adminUrl, name);
  const clock = { ms: Date.now() };
  const now = () => new Date(clock.ms);
  const store = await LeadStore.open(dir);
  await store.addLeads([makeLead({ phone: NUMBER, firstName: name, zones: NEW_YORK }), makeLead({ phone: `+1305555${String(dirs.length).padStart(4, '0')}` })]);
  const doNotCall = await DoNotCallStore.open(dir, now(), now);
  const deps = { dataDir: dir, doNotCall, store: () => store, password: () => rep.password, now, attemptChunk: 300 };
  const { team } = await joinTeam(deps, rep.url);
  const gate = createDialGate({ store: () => store, settings: createMemorySettings(), doNotCall, now });
  return { dir, store, doNotCall, team, url: rep.url, password: rep.password, clock, gate };
}

let a: Rep;
let b: Rep;

beforeAll(async () => {
  cluster = await startPgCluster();
  // The first init runs every migration, in order.
  const migrations = readdirSync(join(import.meta.dirname, '../../../main/core/team/migrations')).map((f) => f.replace(/\.sql$/, '')).sort();
  expect(migrations.length).toBeGreaterThanOrEqual(2);
  expect(await migrateTeamDatabase(cluster.adminUrl)).toEqual(migrations);
  a = await folderFor('Alice Rep');
  b = await folderFor('Bob Rep');
});

afterAll(async () => {
  await a?.store.close();
  await b?.store.close();
  cluster?.stop();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('team mode on PostgreSQL', () => {
  it('init is idempotent: a second run migrates nothing and keeps the data', async () => {
    expect(await migrateTeamDatabase(cluster.adminUrl)).toEqual([]);
    const reps = await withClient({ connectionString: cluster.adminUrl }, (c) => c.query('SELECT name FROM dialdesk.rep ORDER BY name'));
    expect(reps.rows.map((r) => r.name)).toEqual(['Alice Rep', 'Bob Rep']);
  });

  it("A's opt-out on a call refuses the number in B's gate with the team's reason after both sync", async () => {
    expect((await b.gate.checkNumber(NUMBER, { at: Date.parse('2026-03-10T15:00:00Z') })).reason).not.toMatch(/Do not call/);
    const lead = a.store.leadsWithNumber(NUMBER)[0];
    await a.store.recordAttempt(makeAttempt(lead.id, 'do-not-call', new Date().toISOString(), { note: 'asked us to stop' }));
    const pushed = await a.team.sync();
    expect(pushed.pushed).toBeGreaterThanOrEqual(2); // the opt-out and its attempt
    const pulled = await b.team.sync();
    expect(pulled.pulled).toBe(1);
    expect(pulled.dncEntries).toBe(1);
    const check = await b.gate.checkNumber(NUMBER, { at: Date.parse('2026-03-10T15:00:00Z') });
    expect(check.allowed).toBe(false);
    expect(check.reason).toMatch(/^Do not call: \+12125550147 is on your team's do-not-call list since \d{4}-\d\d-\d\d \d\d:\d\d UTC, recorded by Alice Rep$/);
    const bLead = b.store.leadsWithNumber(NUMBER)[0];
    expect(b.gate.doNotCallReason(bLead)).toMatch(/your team's do-not-call list since .*recorded by Alice Rep/);
    // What the team learned reaches B's planner; A's own attempts are not counted back to A.
    expect(b.team.data.learned.map((c) => [c.timeZone, c.dials])).toEqual([['America/New_York', 1]]);
    expect((await a.team.sync(), a.team.data.learned)).toEqual([]);
    // A second sync sends nothing again and the team still holds one entry.
    expect((await a.team.sync()).pushed).toBe(0);
    expect((await b.team.sync()).dncEntries).toBe(1);
  });

  it('with LISTEN/NOTIFY, B refuses a new opt-out within 5 s without a manual sync', async () => {
    const link = new TeamLink(b.team, { everyMs: 600_000 });
    await link.start();
    try {
      expect(link.state.state).toBe('synced');
      const number = '+13055550999';
      await a.team.queueOptOut(number, 'asked on the call', randomUUID());
      const started = Date.now();
      await a.team.sync();
      while (!b.doNotCall.list.has(number) && Date.now() - started < 5_000) await new Promise((r) => setTimeout(r, 20));
      expect(b.doNotCall.list.has(number)).toBe(true);
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      await link.stop();
    }
  });

  it("row-level security: B's role cannot read A's notes, change A's claims or delete from the do-not-call list", async () => {
    await a.team.enqueue([{ kind: 'note', id: randomUUID(), phone: NUMBER, body: 'prefers mornings', at: new Date().toISOString() }]);
    await a.team.sync();
    await withClient({ connectionString: cluster.adminUrl }, (c) =>
      c.query(`INSERT INTO dialdesk.lead (phone, name, offered_by) VALUES ('+13125550100', 'Pool Lead', 'admin') ON CONFLICT DO NOTHING`),
    );
    const aClient = new pg.Client({ connectionString: a.url });
    const bClient = new pg.Client({ connectionString: b.url });
    await aClient.connect();
    await bClient.connect();
    try {
      expect((await aClient.query('SELECT body FROM dialdesk.note')).rows.map((r) => r.body)).toEqual(['prefers mornings']);
      expect((await bClient.query('SELECT body FROM dialdesk.note')).rows).toEqual([]);
      expect((await bClient.query("UPDATE dialdesk.note SET body = 'changed' WHERE lead_phone = $1", [NUMBER])).rowCount).toBe(0);

      // A claims every free lead; B can neither see nor take nor release them.
      const claimed = await claimLeads(aClient, 1000, 8);
      expect(claimed.map((l) => l.phone)).toContain('+13125550100');
      // B's planner learns which of its leads A now holds (not who holds them), and leaves them alone.
      expect(claimed.map((l) => l.phone)).toContain(NUMBER);
      await b.team.sync();
      expect([...b.team.data.heldByOthers].sort()).toEqual([...b.store.allLeads()].map((l) => l.phone).sort());
      expect(b.team.data.heldByOthers).toContain(NUMBER);
      await a.team.sync();
      expect(a.team.data.heldByOthers).toEqual([]);
      const steal = await bClient.query(
        "UPDATE dialdesk.lead SET claimed_by = current_user, claim_expires_at = now() + interval '1 hour' WHERE phone = $1",
        ['+13125550100'],
      );
      expect(steal.rowCount).toBe(0);
      expect((await bClient.query("UPDATE dialdesk.lead SET claimed_by = NULL, claim_expires_at = NULL WHERE phone = $1", ['+13125550100'])).rowCount).toBe(0);
      expect((await bClient.query('SELECT phone FROM dialdesk.lead WHERE phone = $1', ['+13125550100'])).rows).toEqual([]);
      // Nor may B write an entry in A's name.
      await expect(
        bClient.query("INSERT INTO dialdesk.dnc (id, number, recorded_by, recorded_at) VALUES ($1, '+13055550111', $2, now())", [randomUUID(), a.team.data.role]),
      ).rejects.toThrow(/row-level security/);
      await expect(bClient.query('DELETE FROM dialdesk.dnc WHERE number = $1', [NUMBER])).rejects.toThrow(/permission denied/);
      await expect(bClient.query("UPDATE dialdesk.dnc SET number = '+10000000000'")).rejects.toThrow(/permission denied/);
      // And B cannot read A's attempts, only the team's aggregate.
      expect((await bClient.query('SELECT count(*)::int AS n FROM dialdesk.attempt')).rows[0].n).toBe(0);
      expect((await bClient.query('SELECT sum(dials)::int AS n FROM dialdesk.team_learned')).rows[0].n).toBeGreaterThan(0);
      const holder = await withClient({ connectionString: cluster.adminUrl }, (c) => c.query('SELECT claimed_by FROM dialdesk.lead WHERE phone = $1', ['+13125550100']));
      expect(holder.rows[0].claimed_by).toBe(a.team.data.role);
      expect((await withClient({ connectionString: cluster.adminUrl }, (c) => c.query('SELECT count(*)::int AS n FROM dialdesk.dnc'))).rows[0].n).toBe(2);
    } finally {
      await aClient.end();
      await bClient.end();
    }
  });

  it('a rep offline for a day keeps working locally, is blocked past the limit, and a sync unblocks and catches up', async () => {
    const lead = b.store.leadsWithNumber('+13055550002')[0] ?? [...b.store.allLeads()].find((l) => l.phone !== NUMBER)!;
    const offlineA = a.team.data.url;
    // A works offline: its database is unreachable (a closed port), its outbox keeps the opt-out.
    a.team.data.url = offlineA.replace(`:${cluster.port}/`, ':1/');
    await a.team.queueOptOut(lead.phone, 'asked by email', randomUUID());
    await expect(a.team.sync()).rejects.toThrow();
    expect(a.team.data.outbox).toHaveLength(1);
    a.team.data.url = offlineA;

    b.clock.ms += 25 * HOUR;
    const blocked = await b.gate.checkNumber(lead.phone, { at: b.clock.ms });
    expect(blocked.allowed).toBe(false);
    expect(blocked.reason).toMatch(/^Do not call: the team's do-not-call list was last synced .* more than the team's limit of 24 hours ago; no calls until a sync succeeds/);
    expect(b.doNotCall.blockedReason).toBe(blocked.reason);

    expect((await a.team.sync()).pushed).toBe(1);
    const caughtUp = await b.team.sync();
    expect(caughtUp.pulled).toBe(1);
    expect(b.doNotCall.blockedReason).toBeNull();
    expect((await b.gate.checkNumber(lead.phone, { at: b.clock.ms })).reason).toMatch(/team's do-not-call list since .* recorded by Alice Rep/);
  });

  it('kill -9 of PostgreSQL mid-sync, then a restart: nothing is lost or duplicated and both reps catch up', async () => {
    const lead = a.store.leadsWithNumber(NUMBER)[0];
    const base = Date.parse('2026-11-02T14:00:00Z');
    const count = 1_500;
    for (let i = 0; i < count; i += 1) {
      await a.store.recordAttempt(makeAttempt(lead.id, 'no-answer', new Date(base + i * 60_000).toISOString(), { recordedAt: new Date(base + i * 60_000).toISOString() }));
    }
    await a.team.queueOptOut('+13055550222', 'crash test', randomUUID());
    const sent = () => Object.values(a.team.data.attemptsSent).reduce((s, n) => s + n, 0);
    const before = sent();
    const syncing = a.team.sync();
    syncing.catch(() => undefined);
    while (sent() === before) await new Promise((r) => setTimeout(r, 2));
    await cluster.crash();
    await expect(syncing).rejects.toThrow();
    expect(sent() - before).toBeLessThan(count);
    cluster.start();
    await a.team.sync();
    await b.team.sync();
    const rows = await withClient({ connectionString: cluster.adminUrl }, (c) =>
      c.query(`SELECT (SELECT count(*) FROM dialdesk.attempt)::int AS attempts, (SELECT count(DISTINCT id) FROM dialdesk.attempt)::int AS ids,
                      (SELECT count(*) FROM dialdesk.dnc)::int AS dnc, (SELECT count(DISTINCT number) FROM dialdesk.dnc)::int AS numbers`),
    );
    const local = [...a.store.allAttempts()].length;
    expect(rows.rows[0]).toEqual({ attempts: local, ids: local, dnc: 4, numbers: 4 });
    expect(b.doNotCall.list.has('+13055550222')).toBe(true);
    expect(a.team.data.outbox).toEqual([]);
  });
});
