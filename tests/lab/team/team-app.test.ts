/**
 * The app's side of team mode against a real PostgreSQL (one throwaway cluster for this file): the team
 * line the status bar shows, the manager's figures (returns, script versions and promises reach the team
 * through the outbox and add up to each rep's own Stats), and who may read them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TeamLine } from '../../../shared/contract/team.js';
import type { Lead } from '../../../shared/domain.js';
import { DoNotCallStore } from '../../../main/core/schedule/do-not-call-store.js';
import { statsFoldFactory } from '../../../main/core/stats/stats-fold.js';
import { statsReport } from '../../../main/core/stats/store-stats.js';
import { LeadStore } from '../../../main/core/store/lead-store.js';
import { reassignLead } from '../../../main/core/team/lead-pool.js';
import { addRep, migrateTeamDatabase, withClient } from '../../../main/core/team/team-database.js';
import { teamHandlers } from '../../../main/core/team/team-handlers.js';
import { TeamLink } from '../../../main/core/team/team-link.js';
import type { TeamSync } from '../../../main/core/team/team-sync.js';
import { joinTeam } from '../../../main/core/team/team.js';
import { makeAttempt, makeLead } from '../../support/fixtures.js';
import { createMemorySettings } from '../../support/memory-stores.js';
import { startPgCluster, type PgCluster } from '../postgres.js';
import { createDialGate } from '../../../main/core/calling/dial-gate.js';
import { createScheduleService } from '../../../main/core/schedule/schedule-service.js';
import { ScriptLibrary } from '../../../main/core/scripts/script-library.js';
import { plannedWithinADay, teamPlanning } from '../../../main/core/team/team-planning.js';
import { clockMinutes } from '../../../main/core/timezones/zone-clock.js';

const ZONE = 'America/New_York';
const NEW_YORK = { zones: [ZONE], ambiguous: false, source: 'import' as const, country: 'US', places: ['US-NY'] };
const HOUR = 3_600_000;

let cluster: PgCluster;
const dirs: string[] = [];

interface Folder {
  dir: string;
  settings: ReturnType<typeof createMemorySettings>;
  doNotCall: DoNotCallStore;
  store: LeadStore;
  team: TeamSync;
  url: string;
  clock: { ms: number };
  leads: Lead[];
}

/** A data folder opened as the app opens it (the stats fold in the rep's zone), joined to the team. */
async function folderFor(name: string, phones: string[], manager = false, startAt = Date.now()): Promise<Folder> {
  const dir = mkdtempSync(join(tmpdir(), `dialdesk-team-app-`));
  dirs.push(dir);
  const rep = await addRep(cluster.adminUrl, name, manager);
  const clock = { ms: startAt };
  const now = () => new Date(clock.ms);
  const settings = createMemorySettings({ repTimeZone: ZONE });
  const store = await LeadStore.open(dir, {
    schedule: () => settings.get().schedule,
    repTimeZone: () => ZONE,
    historyFold: statsFoldFactory(() => ZONE),
  });
  const leads = phones.map((phone) => makeLead({ phone, firstName: name, zones: NEW_YORK }));
  await store.addLeads(leads);
  const doNotCall = await DoNotCallStore.open(dir, now(), now);
  const { team } = await joinTeam({ dataDir: dir, doNotCall, store: () => store, password: () => rep.password, now }, rep.url);
  return { dir, settings, doNotCall, store, team, url: rep.url, clock, leads: leads.map((l) => store.leadsWithNumber(l.phone)[0]) };
}

let alice: Folder;
let bob: Folder;
let boss: Folder;

beforeAll(async () => {
  cluster = await startPgCluster();
  await migrateTeamDatabase(cluster.adminUrl);
  alice = await folderFor('Alice Rep', ['+12125550101', '+12125550102']);
  bob = await folderFor('Bob Rep', ['+12125550201']);
  boss = await folderFor('Morgan Manager', [], true);
});

afterAll(async () => {
  for (const folder of [alice, bob, boss]) await folder?.store.close();
  cluster?.stop();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const at = (iso: string) => new Date(iso).toISOString();

describe("the team line in the app's status bar", () => {
  it('reports syncing then synced, offline since the first failure, and blocked once the list is stale, until a sync', async () => {
    const lines: TeamLine[] = [];
    const link = new TeamLink(alice.team, { everyMs: 600_000, retryMs: 600_000, onState: (line) => lines.push(line) });
    await link.start();
    expect(lines.map((l) => l.state)).toEqual(['syncing', 'synced']);
    expect(link.state).toEqual({ state: 'synced', at: alice.team.data.lastSyncAt });
    await link.stop();

    // The database is unreachable: offline, since when, and why.
    const url = alice.team.data.url;
    alice.team.data.url = url.replace(`:${new URL(url).port}/`, ':1/');
    const down = new TeamLink(alice.team, { everyMs: 600_000, retryMs: 600_000, onState: (line) => lines.push(line) });
    try {
      const before = Date.now();
      await down.start();
      const offline = down.state;
      expect(offline.state).toBe('offline');
      if (offline.state !== 'offline') return;
      expect(Date.parse(offline.since)).toBeGreaterThanOrEqual(before - 1000);
      expect(offline.error).toMatch(/ECONNREFUSED/);
      // A day later, still offline: the list is stale past the team's limit and the line says blocked, with the gate's reason.
      alice.clock.ms += 25 * HOUR;
      expect(down.state).toEqual({ state: 'blocked', reason: alice.team.staleReason() });
      expect(alice.team.staleReason()).toMatch(/more than the team's limit of 24 hours ago/);
    } finally {
      await down.stop();
      alice.team.data.url = url;
    }
    // Back online: a sync unblocks it.
    const again = new TeamLink(alice.team, { everyMs: 600_000 });
    await again.start();
    expect(again.state.state).toBe('synced');
    expect(alice.team.staleReason()).toBeNull();
    await again.stop();
    alice.clock.ms = Date.now();
  });
});

describe("the manager's team screen", () => {
  it("sums each rep's own figures (returns, script versions, promises, answers by hour) in one query, sent through the outbox once", async () => {
    const [l1, l2] = alice.leads;
    const intro = { scriptId: 'intro', scriptVersion: 2 };
    await alice.store.recordAttempt(makeAttempt(l1.id, 'voicemail', at('2026-11-02T15:00:00Z'), { ...intro, promisedFor: at('2026-11-03T15:00:00Z') }));
    await alice.store.recordAttempt(makeAttempt(l2.id, 'voicemail', at('2026-11-02T16:00:00Z'), { ...intro, promisedFor: at('2026-11-03T16:00:00Z') }));
    // L1 calls back (a return to the intro script); the promise to L1 is kept, the one to L2 broken (four hours late).
    await alice.store.recordInbound({ id: randomUUID(), from: l1.phone, displayName: '', receivedAt: at('2026-11-02T18:00:00Z'), leadId: l1.id, response: 'missed', reason: 'dial block active' });
    await alice.store.recordAttempt(makeAttempt(l1.id, 'no-answer', at('2026-11-03T15:00:00Z')));
    await alice.store.recordAttempt(makeAttempt(l2.id, 'conversation', at('2026-11-03T20:00:00Z')));
    const [l3] = bob.leads;
    await bob.store.recordAttempt(makeAttempt(l3.id, 'conversation', at('2026-11-02T14:10:00Z')));
    await bob.store.recordAttempt(makeAttempt(l3.id, 'no-answer', at('2026-11-04T14:20:00Z')));
    await bob.store.recordAttempt(makeAttempt(l3.id, 'failed', at('2026-11-04T14:30:00Z')));
    alice.team.scriptNames = (id, version) => (id === 'intro' && version === 2 ? 'Intro' : undefined);
    for (const folder of [alice, bob, boss]) await folder.team.sync();

    const mine = statsReport(alice.store);
    expect(mine).toMatchObject({ dials: 4, conversations: 1, voicemailsLeft: 2, returns: 2, promisesKept: 1, promisesBroken: 1 });
    const read = teamHandlers({ team: boss.team }).getTeamFigures;
    const figures = await read({});
    const row = (r: ReturnType<typeof statsReport>) => ({
      dials: r.dials,
      conversations: r.conversations,
      conversationRate: r.conversationRate,
      voicemails: r.voicemailsLeft,
      returns: r.returns,
      returnRate: r.returnRate,
      promisesKept: r.promisesKept,
      promisesBroken: r.promisesBroken,
    });
    const bobs = statsReport(bob.store);
    expect(bobs).toMatchObject({ dials: 2, conversations: 1 });
    expect(figures.reps).toEqual([
      { rep: 'Alice Rep', ...row(mine) },
      { rep: 'Bob Rep', ...row(bobs) },
      { rep: null, dials: 6, conversations: 2, conversationRate: 2 / 6, voicemails: 2, returns: 2, returnRate: 1, promisesKept: 1, promisesBroken: 1 },
    ]);
    expect(figures.scripts).toEqual([
      { rep: 'Alice Rep', scriptName: 'Intro', version: 2, voicemails: 2, returns: 2, returnRate: 1 },
      { rep: null, scriptName: 'Intro', version: 2, voicemails: 2, returns: 2, returnRate: 1 },
    ]);
    // The team's answers by the lead's local hour: both reps' hours, summed.
    const hours = new Map<number, { dials: number; conversations: number }>();
    for (const report of [mine, bobs]) {
      for (const h of report.byHour.filter((x) => x.dials > 0)) {
        const cell = hours.get(h.hour) ?? { dials: 0, conversations: 0 };
        hours.set(h.hour, { dials: cell.dials + h.dials, conversations: cell.conversations + h.conversations });
      }
    }
    expect(figures.hours).toEqual(
      [...hours].sort((a, b) => a[0] - b[0]).map(([hour, c]) => ({ hour, ...c, answerRate: c.conversations / c.dials })),
    );
    expect(figures.hours.find((h) => h.hour === 9)).toEqual({ hour: 9, dials: 2, conversations: 1, answerRate: 0.5 });

    // A range of the reps' days.
    const day = await read({ from: '2026-11-03', to: '2026-11-03' });
    expect(day.reps.find((r) => r.rep === null)).toMatchObject({ dials: 2, conversations: 1, promisesKept: 1, promisesBroken: 1, voicemails: 0 });

    // Nothing changed: nothing is sent again. A day item sent twice (a crash before the outbox was cleared) counts once.
    expect((await alice.team.sync()).pushed).toBe(0);
    const sentDay = Object.entries(alice.team.data.daysSent)[0];
    alice.team.data.daysSent[sentDay[0]] = 'forgotten';
    expect((await alice.team.sync()).pushed).toBe(1);
    expect((await read({})).reps).toEqual(figures.reps);

    // A later attempt changes that day's tally: the new tally replaces the old, never adds to it.
    await alice.store.recordAttempt(makeAttempt(l1.id, 'conversation', at('2026-11-03T21:00:00Z')));
    expect((await alice.team.sync()).pushed).toBe(2); // the attempt, and its day
    const after = await read({});
    expect(after.reps[0]).toEqual({ rep: 'Alice Rep', ...row(statsReport(alice.store)) });
    expect(after.reps[0].dials).toBe(5);
  });

  it("is the managers' only: the app refuses a rep, and the database refuses a rep's role the views and other reps' days", async () => {
    const asRep = teamHandlers({ team: alice.team }).getTeamFigures;
    await expect(asRep({})).rejects.toMatchObject({ code: 'refused', message: /managers/ });
    await expect(teamHandlers({ team: null }).getTeamFigures({})).rejects.toMatchObject({ code: 'refused' });
    expect(alice.team.data.manager).toBe(false);
    expect(boss.team.data.manager).toBe(true);
    const client = new pg.Client({ connectionString: bob.url });
    await client.connect();
    try {
      for (const view of ['rep_day_figures', 'script_day_figures', 'hour_day_figures']) {
        await expect(client.query(`SELECT * FROM dialdesk.${view}`)).rejects.toThrow(/permission denied/);
      }
      const days = await client.query('SELECT DISTINCT rep FROM dialdesk.rep_day');
      expect(days.rows).toEqual([{ rep: 'dialdesk_bob_rep' }]);
      const scripts = await client.query('SELECT count(*)::int AS n FROM dialdesk.rep_day_script');
      expect(scripts.rows[0].n).toBe(0);
      await expect(client.query("UPDATE dialdesk.rep_day SET dials = 0 WHERE rep = 'dialdesk_alice_rep'")).resolves.toMatchObject({ rowCount: 0 });
      await expect(client.query("DELETE FROM dialdesk.rep_day_script WHERE rep = 'dialdesk_alice_rep'")).resolves.toMatchObject({ rowCount: 0 });
    } finally {
      await client.end();
    }
  });
});

/** The app's schedule service over a folder, wired to its team as createCore wires it. */
async function plannerOf(folder: Folder, inTeam = true) {
  const now = () => new Date(folder.clock.ms);
  const gate = createDialGate({ store: () => folder.store, settings: folder.settings, doNotCall: folder.doNotCall, now });
  const scripts = await ScriptLibrary.open(folder.dir, now());
  const planning = teamPlanning(folder.team);
  const schedule = createScheduleService({ store: () => folder.store, settings: folder.settings, scripts, gate, now, team: () => (inTeam ? planning : null) });
  if (inTeam) folder.team.plannedPhones = plannedWithinADay(schedule, () => folder.store, now);
  const plannedPhones = () => new Set(schedule.planLeads(folder.clock.ms).map((p) => folder.store.getLead(p.leadId)!.phone));
  return { schedule, plannedPhones };
}

describe("the app's planner in a team", () => {
  // Tuesday 10:00 in New York: inside the rep's hours and the leads' calling window.
  const TUESDAY = Date.parse('2026-11-10T15:00:00Z');
  const SHARED = '+13055550300';

  it('never plans a lead another rep plans: the first to sync claims it, the other leaves it alone', async () => {
    const carol = await folderFor('Carol Rep', [SHARED, '+13055550301'], false, TUESDAY);
    const dave = await folderFor('Dave Rep', [SHARED, '+13055550302'], false, TUESDAY);
    try {
      const carols = await plannerOf(carol);
      const daves = await plannerOf(dave);
      // Both imported the same lead; before their apps sync, both would plan it.
      expect(carols.plannedPhones()).toEqual(new Set([SHARED, '+13055550301']));
      expect(daves.plannedPhones()).toEqual(new Set([SHARED, '+13055550302']));
      await carol.team.sync();
      await dave.team.sync();
      expect(dave.team.data.heldByOthers).toEqual([SHARED]);
      expect(carols.plannedPhones()).toEqual(new Set([SHARED, '+13055550301']));
      expect(daves.plannedPhones()).toEqual(new Set(['+13055550302']));
      expect(daves.schedule.leadView(dave.leads[0]).next).toBeNull();
      // Syncs again, in either order: the claim is Carol's and renewed, the plans stay apart.
      await dave.team.sync();
      await carol.team.sync();
      const claims = await withClient({ connectionString: cluster.adminUrl }, (c) =>
        c.query('SELECT phone, claimed_by, claim_expires_at > now() + interval \'11 hours\' AS renewed FROM dialdesk.lead WHERE phone = ANY($1) ORDER BY phone', [
          [SHARED, '+13055550301', '+13055550302'],
        ]),
      );
      expect(claims.rows).toEqual([
        { phone: SHARED, claimed_by: 'dialdesk_carol_rep', renewed: true },
        { phone: '+13055550301', claimed_by: 'dialdesk_carol_rep', renewed: true },
        { phone: '+13055550302', claimed_by: 'dialdesk_dave_rep', renewed: true },
      ]);
      const both = [...carols.plannedPhones()].filter((phone) => daves.plannedPhones().has(phone));
      expect(both).toEqual([]);
    } finally {
      await carol.store.close();
      await dave.store.close();
    }
  });

  it("seeds a new rep's population model with the team's answers by zone, band and weekday", async () => {
    // The team's history: in New York, leads answer at 10 in the morning and not at 3 in the afternoon.
    await withClient({ connectionString: cluster.adminUrl }, (c) =>
      c.query(
        `INSERT INTO dialdesk.attempt (id, rep, lead_phone, outcome, started_at, time_zone, local_hour, local_weekday)
         SELECT 'seed-' || i, 'dialdesk_bob_rep', '+12125550201', CASE WHEN i % 2 = 0 AND i <= 200 THEN 'conversation' ELSE 'no-answer' END,
                now(), 'America/New_York', CASE WHEN i <= 200 THEN 10 ELSE 15 END, 1 + i % 5
           FROM generate_series(1, 400) AS i`,
      ),
    );
    const erin = await folderFor('Erin Rep', ['+13055550400'], false, TUESDAY);
    try {
      const alone = await plannerOf(erin, false);
      const lead = erin.leads[0];
      // Without the team, a new rep's planner knows nothing.
      expect(alone.schedule.leadView(lead).bands.every((b) => b.chance === null)).toBe(true);
      await erin.team.sync();
      const { schedule } = await plannerOf(erin);
      const bands = schedule.leadView(lead).bands;
      const bandAt = (minute: number) => bands.find((b) => clockMinutes(b.start) <= minute && minute < clockMinutes(b.end))!;
      const morning = bandAt(10 * 60 + 30);
      const afternoon = bandAt(15 * 60 + 30);
      expect(morning.chance).not.toBeNull();
      expect(morning.chance!).toBeGreaterThan(afternoon.chance! * 2);
    } finally {
      await erin.store.close();
    }
  });
});

describe('lead histories travel with claims', () => {
  it("a claimed lead's attempts by other reps arrive in the claiming rep's store once, count for the lead and never as the rep's own", async () => {
    const SHARED = '+13055550500';
    const frank = await folderFor('Frank Rep', [SHARED]);
    const gina = await folderFor('Gina Rep', [SHARED]);
    const joinedGina = { dir: gina.dir, url: gina.url };
    try {
      const franks = frank.leads[0];
      const made = [
        makeAttempt(franks.id, 'no-answer', at('2026-11-09T15:00:00Z')),
        makeAttempt(franks.id, 'voicemail', at('2026-11-10T16:00:00Z'), { scriptId: 'intro', scriptVersion: 1, promisedFor: at('2026-11-12T15:00:00Z') }),
      ];
      for (const attempt of made) await frank.store.recordAttempt(attempt);
      await frank.team.sync();
      // Not Gina's lead yet: nothing of Frank's reaches her.
      await gina.team.sync();
      const ginas = gina.leads[0];
      expect(gina.store.attemptsFor(ginas.id)).toEqual([]);
      // The manager hands the lead to Gina.
      await withClient({ connectionString: boss.url }, (c) => reassignLead(c, SHARED, 'dialdesk_gina_rep', 8));
      expect((await gina.team.sync()).pushed).toBe(0);
      const history = gina.store.attemptsFor(ginas.id);
      expect(history.map((a) => [a.id, a.outcome, a.by, a.promisedFor])).toEqual([
        [made[1].id, 'voicemail', 'Frank Rep', made[1].promisedFor],
        [made[0].id, 'no-answer', 'Frank Rep', null],
      ]);
      // The lead's rotation knows the calls (and the promise Frank made); Gina's own figures do not count them.
      expect(gina.store.rotationOf(ginas.id)).toMatchObject({ attempts: 2, promise: { at: Date.parse(made[1].promisedFor!) } });
      expect(statsReport(gina.store)).toMatchObject({ dials: 0, voicemailsLeft: 0 });

      // Synced again, and by a restarted app (a fresh link over the same folder): never twice, never sent back.
      expect((await gina.team.sync()).pushed).toBe(0);
      const again = await joinTeam(
        { dataDir: joinedGina.dir, doNotCall: gina.doNotCall, store: () => gina.store, password: () => new URL(joinedGina.url).password, now: () => new Date() },
        joinedGina.url,
      );
      expect(again.sync.pushed).toBe(0);
      expect(gina.store.attemptsFor(ginas.id)).toHaveLength(2);

      // Gina's own call is hers: sent once, with Frank's two still his.
      await gina.store.recordAttempt(makeAttempt(ginas.id, 'conversation', at('2026-11-12T15:00:00Z')));
      expect((await again.team.sync()).pushed).toBe(2); // the attempt, and its day's tally
      const rows = await withClient({ connectionString: cluster.adminUrl }, (c) =>
        c.query('SELECT rep, count(*)::int AS n, count(DISTINCT id)::int AS ids FROM dialdesk.attempt WHERE lead_phone = $1 GROUP BY rep ORDER BY rep', [SHARED]),
      );
      expect(rows.rows).toEqual([
        { rep: 'dialdesk_frank_rep', n: 2, ids: 2 },
        { rep: 'dialdesk_gina_rep', n: 1, ids: 1 },
      ]);
      expect(statsReport(gina.store)).toMatchObject({ dials: 1, conversations: 1 });
      // Frank no longer holds the lead, so Gina's call does not travel back to him.
      await frank.team.sync();
      expect(frank.store.attemptsFor(franks.id)).toHaveLength(2);

      // A lead Gina never imported, handed to her from the pool: the lead joins her folder, with its history.
      const POOLED = '+13055550601';
      await withClient({ connectionString: cluster.adminUrl }, async (c) => {
        await c.query(`INSERT INTO dialdesk.lead (phone, name, company, time_zone, offered_by) VALUES ($1, 'Ana María Ruiz', 'Acme', $2, 'admin')`, [POOLED, ZONE]);
        await c.query(
          `INSERT INTO dialdesk.attempt (id, rep, lead_phone, outcome, started_at, time_zone, local_hour, local_weekday) VALUES ('pooled-1', 'dialdesk_frank_rep', $1, 'busy', $2, $3, 10, 2)`,
          [POOLED, '2026-11-10T15:00:00Z', ZONE],
        );
      });
      await withClient({ connectionString: boss.url }, (c) => reassignLead(c, POOLED, 'dialdesk_gina_rep', 8));
      await again.team.sync();
      await again.team.sync();
      const pooled = gina.store.leadsWithNumber(POOLED);
      expect(pooled.map((l) => [l.firstName, l.lastName, l.company, l.zones?.zones[0]])).toEqual([['Ana', 'María Ruiz', 'Acme', ZONE]]);
      expect(gina.store.attemptsFor(pooled[0].id).map((a) => [a.id, a.outcome, a.by])).toEqual([['pooled-1', 'busy', 'Frank Rep']]);
    } finally {
      await frank.store.close();
      await gina.store.close();
    }
  });
});
