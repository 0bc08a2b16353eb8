/**
 * N reps claim from one pool at once and record an attempt on every lead they hold, then release it,
 * for a while; each rep notes when it held which lead by its own clock. Used by the lab test (seconds)
 * and the bench (a minute): a lead held by two reps at overlapping times is a double claim.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { claimLeads, releaseClaims } from '../../../main/core/team/lead-pool.js';
import { addRep, withClient } from '../../../main/core/team/team-database.js';

export interface ClaimRace {
  claims: number;
  claimsPerS: number;
  doubleClaims: number;
  attemptsRecorded: number;
  attemptsStored: number;
  distinctAttemptsStored: number;
}

export async function seedPool(adminUrl: string, leads: number): Promise<void> {
  await withClient({ connectionString: adminUrl }, (c) =>
    c.query(
      `INSERT INTO dialdesk.lead (phone, name, offered_by)
       SELECT '+1415' || lpad(i::text, 7, '0'), 'Lead ' || i, 'admin' FROM generate_series(1, $1) AS i ON CONFLICT DO NOTHING`,
      [leads],
    ),
  );
}

export async function runClaimRace(adminUrl: string, repCount: number, durationMs: number): Promise<ClaimRace> {
  const reps = [];
  for (let i = 0; i < repCount; i += 1) reps.push(await addRep(adminUrl, `Racer ${i}`));
  const held: Array<{ phone: string; rep: number; from: number; to: number }> = [];
  let attemptsRecorded = 0;
  const started = performance.now();
  const end = started + durationMs;
  await Promise.all(
    reps.map(async (rep, index) => {
      const client = new pg.Client({ connectionString: rep.url });
      await client.connect();
      try {
        while (performance.now() < end) {
          const leads = await claimLeads(client, 5, 1);
          const from = performance.now();
          if (leads.length === 0) continue;
          const ids = leads.map(() => randomUUID());
          await client.query(
            `INSERT INTO dialdesk.attempt (id, lead_phone, outcome, started_at)
             SELECT id, phone, 'no-answer', now() FROM unnest($1::text[], $2::text[]) AS t(id, phone) ON CONFLICT (id) DO NOTHING`,
            [ids, leads.map((l) => l.phone)],
          );
          attemptsRecorded += ids.length;
          const to = performance.now();
          await releaseClaims(client, leads.map((l) => l.phone));
          for (const lead of leads) held.push({ phone: lead.phone, rep: index, from, to });
        }
      } finally {
        await client.end();
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  // Overlapping holds of one lead by two reps.
  const byPhone = new Map<string, typeof held>();
  for (const h of held) byPhone.set(h.phone, [...(byPhone.get(h.phone) ?? []), h]);
  let doubleClaims = 0;
  for (const holds of byPhone.values()) {
    holds.sort((x, y) => x.from - y.from);
    for (let i = 1; i < holds.length; i += 1) if (holds[i].from < holds[i - 1].to && holds[i].rep !== holds[i - 1].rep) doubleClaims += 1;
  }
  const stored = await withClient({ connectionString: adminUrl }, (c) =>
    c.query(`SELECT count(*)::int AS n, count(DISTINCT id)::int AS d FROM dialdesk.attempt WHERE rep LIKE 'dialdesk_racer_%'`),
  );
  return {
    claims: held.length,
    claimsPerS: held.length / seconds,
    doubleClaims,
    attemptsRecorded,
    attemptsStored: stored.rows[0].n,
    distinctAttemptsStored: stored.rows[0].d,
  };
}
