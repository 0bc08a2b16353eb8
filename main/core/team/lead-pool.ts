/**
 * The team's lead pool. A lead is held by one rep at a time until its claim
 * expires or is released; a rep renews a claim while working the lead. Work is
 * taken with the PostgreSQL queue pattern: rows are locked with
 * FOR UPDATE SKIP LOCKED, so twenty reps claiming at once never wait on each
 * other and never get the same lead. Row-level security keeps a rep from
 * seeing or changing another rep's live claim; a manager may reassign.
 */
import type pg from 'pg';

export interface PoolLead {
  phone: string;
  name: string;
  company: string;
  timeZone: string | null;
  claimExpiresAt: Date;
}

const toLead = (row: { phone: string; name: string; company: string; time_zone: string | null; claim_expires_at: Date }): PoolLead => ({
  phone: row.phone,
  name: row.name,
  company: row.company,
  timeZone: row.time_zone,
  claimExpiresAt: row.claim_expires_at,
});

/** Claims up to `count` free (or expired) leads for `hours`, oldest offered first. */
export async function claimLeads(client: pg.ClientBase, count: number, hours: number): Promise<PoolLead[]> {
  const { rows } = await client.query(
    `UPDATE dialdesk.lead SET claimed_by = current_user, claim_expires_at = now() + make_interval(secs => $2)
      WHERE phone IN (SELECT phone FROM dialdesk.lead
                       WHERE claimed_by IS NULL OR claim_expires_at < now()
                       ORDER BY offered_at, phone LIMIT $1 FOR UPDATE SKIP LOCKED)
      RETURNING phone, name, company, time_zone, claim_expires_at`,
    [count, hours * 3600],
  );
  return rows.map(toLead);
}

/** Extends this rep's live claims on `phones`; returns the leads still held (a lost claim is not renewed). */
export async function renewClaims(client: pg.ClientBase, phones: string[], hours: number): Promise<string[]> {
  const { rows } = await client.query<{ phone: string }>(
    `UPDATE dialdesk.lead SET claim_expires_at = now() + make_interval(secs => $2)
      WHERE phone = ANY($1::text[]) AND claimed_by = current_user RETURNING phone`,
    [phones, hours * 3600],
  );
  return rows.map((r) => r.phone);
}

/** Gives leads back to the pool now. */
export async function releaseClaims(client: pg.ClientBase, phones: string[]): Promise<number> {
  const result = await client.query(
    `UPDATE dialdesk.lead SET claimed_by = NULL, claim_expires_at = NULL WHERE phone = ANY($1::text[]) AND claimed_by = current_user`,
    [phones],
  );
  return result.rowCount ?? 0;
}

/** A manager hands a lead to another rep (by role name) for `hours`. Refused by the database for anyone else. */
export async function reassignLead(client: pg.ClientBase, phone: string, toRole: string, hours: number): Promise<boolean> {
  const result = await client.query(
    `UPDATE dialdesk.lead SET claimed_by = $2, claim_expires_at = now() + make_interval(secs => $3)
      WHERE phone = $1 AND EXISTS (SELECT 1 FROM dialdesk.rep WHERE role_name = $2)`,
    [phone, toRole, hours * 3600],
  );
  return (result.rowCount ?? 0) === 1;
}

/**
 * Claims the leads a rep plans (free, expired or already theirs; renewed for `hours`), skipping any row
 * another rep is claiming this instant. Returns the phones this rep now holds among them.
 */
export async function claimPlanned(client: pg.ClientBase, phones: string[], hours: number): Promise<string[]> {
  const { rows } = await client.query<{ phone: string }>(
    `UPDATE dialdesk.lead SET claimed_by = current_user, claim_expires_at = now() + make_interval(secs => $2)
      WHERE phone IN (SELECT phone FROM dialdesk.lead
                       WHERE phone = ANY($1::text[]) AND (claimed_by IS NULL OR claimed_by = current_user OR claim_expires_at < now())
                       FOR UPDATE SKIP LOCKED)
      RETURNING phone`,
    [phones, hours * 3600],
  );
  return rows.map((r) => r.phone);
}
