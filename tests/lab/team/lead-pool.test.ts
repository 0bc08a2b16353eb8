/**
 * The team's lead pool on a real PostgreSQL (one throwaway cluster for this file): claims with expiry,
 * renewal and a manager's reassignment, and 20 reps claiming from 10,000 leads at once (the bench runs
 * the same race for a minute: npm run bench -- --only team).
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimLeads, reassignLead, renewClaims } from '../../../main/core/team/lead-pool.js';
import { readTeamFigures } from '../../../main/core/team/team-figures.js';
import { addRep, migrateTeamDatabase, withClient } from '../../../main/core/team/team-database.js';
import { startPgCluster, type PgCluster } from '../postgres.js';
import { runClaimRace, seedPool } from './claim-race.js';

let cluster: PgCluster;

beforeAll(async () => {
  cluster = await startPgCluster();
  await migrateTeamDatabase(cluster.adminUrl);
  await seedPool(cluster.adminUrl, 10_000);
});
afterAll(() => cluster?.stop());

const connect = async (url: string) => {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
};

describe('the lead pool', () => {
  it('a claim expires, is renewed while held, and a manager can reassign it; a rep cannot', async () => {
    const carla = await connect((await addRep(cluster.adminUrl, 'Carla')).url);
    const dev = await connect((await addRep(cluster.adminUrl, 'Dev')).url);
    const bossUrl = (await addRep(cluster.adminUrl, 'Morgan Manager', true)).url;
    const boss = await connect(bossUrl);
    try {
      const [lead] = await claimLeads(carla, 1, 1 / 3600); // one second
      expect((await renewClaims(dev, [lead.phone], 1))).toEqual([]);
      expect((await renewClaims(carla, [lead.phone], 1 / 3600))).toEqual([lead.phone]);
      expect((await dev.query('SELECT 1 FROM dialdesk.lead WHERE phone = $1', [lead.phone])).rows).toEqual([]);
      await new Promise((r) => setTimeout(r, 1_200));
      // Expired: Dev sees it and the queue hands it out again (oldest offered first).
      const [again] = await claimLeads(dev, 1, 1);
      expect(again.phone).toBe(lead.phone);
      expect(await renewClaims(carla, [lead.phone], 1)).toEqual([]);
      // Dev holds it, yet may not hand it to someone else: the database refuses the new holder.
      await expect(reassignLead(dev, lead.phone, 'dialdesk_carla', 1)).rejects.toThrow(/row-level security/);
      expect(await reassignLead(boss, lead.phone, 'dialdesk_carla', 1)).toBe(true);
      expect(await renewClaims(carla, [lead.phone], 1)).toEqual([lead.phone]);
      // The manager's screen: one query over the views, the team's row last. Carla writes her own day; the
      // database keeps Dev from writing or reading hers, and from the views altogether.
      const zeros = 'array_fill(0, ARRAY[24])';
      await carla.query(
        `INSERT INTO dialdesk.rep_day (day, dials, conversations, voicemails, returns, promises_kept, promises_broken, hour_dials, hour_conversations)
         VALUES ($1, 2, 1, 1, 1, 1, 0, ${zeros}, ${zeros})`,
        ['2026-12-07'],
      );
      const figures = await withClient({ connectionString: bossUrl }, (client) => readTeamFigures(client, {}));
      const carlas = { dials: 2, conversations: 1, conversationRate: 0.5, voicemails: 1, returns: 1, returnRate: 1, promisesKept: 1, promisesBroken: 0 };
      expect(figures.reps).toEqual([{ rep: 'Carla', ...carlas }, { rep: null, ...carlas }]);
      await expect(dev.query('SELECT * FROM dialdesk.rep_day_figures')).rejects.toThrow(/permission denied/);
      await expect(
        dev.query(
          `INSERT INTO dialdesk.rep_day (rep, day, dials, conversations, voicemails, returns, promises_kept, promises_broken, hour_dials, hour_conversations)
           VALUES ('dialdesk_carla', $1, 9, 9, 0, 0, 0, 0, ${zeros}, ${zeros})`,
          ['2026-12-08'],
        ),
      ).rejects.toThrow(/row-level security/);
      expect((await dev.query('SELECT * FROM dialdesk.rep_day')).rows).toEqual([]);
    } finally {
      await Promise.all([carla.end(), dev.end(), boss.end()]);
    }
  });

  it('20 reps claiming in parallel from 10,000 leads: no lead held by two, no attempt lost or doubled', async () => {
    const race = await runClaimRace(cluster.adminUrl, 20, 6_000);
    expect(race.claims).toBeGreaterThan(100);
    expect(race.doubleClaims).toBe(0);
    expect(race.attemptsStored).toBe(race.attemptsRecorded);
    expect(race.distinctAttemptsStored).toBe(race.attemptsRecorded);
    const free = await withClient({ connectionString: cluster.adminUrl }, (c) =>
      c.query(`SELECT count(*)::int AS n FROM dialdesk.lead WHERE claimed_by LIKE 'dialdesk_racer_%'`),
    );
    expect(free.rows[0].n).toBe(0);
  });
});
