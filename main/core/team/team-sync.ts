/**
 * One data folder's link to its team: the outbox, the sync, and the
 * fail-closed rule for the company do-not-call list.
 *
 * A sync, each step committed before the next, so a crash anywhere repeats
 * work and never loses or doubles it:
 *   1. new local attempts (the append-only attempt logs past `attemptsSent`) are
 *      read; an opt-out among them becomes a do-not-call item in the outbox
 *      (id from the attempt's id, so reading it twice queues it once);
 *   1b. each day of the rep's stats fold whose tally changed since it was last sent becomes a day item
 *      (its id names its figures, and it replaces an unsent older one of the same day);
 *   2. do-not-call items, then notes, releases and day tallies, are sent with
 *      INSERT … ON CONFLICT (id) DO NOTHING and leave the outbox once committed;
 *   3. the attempts are sent the same way, a chunk a transaction;
 *   4. the team list is pulled by sequence number (seq > lastDncSeq) into the
 *      local do-not-call store, which the dial gate reads;
 *   4b. the leads this rep plans for the next day (plannedPhones, the app's planner) are claimed in the pool
 *      when free, or renewed when already this rep's, with FOR UPDATE SKIP LOCKED: a lead another rep holds
 *      stays theirs and comes back in heldByOthers, so the two reps' plans never share a lead;
 *   5. the team's learned cells (other reps' dials by zone, hour, weekday) and which of this folder's leads
 *      another rep holds are pulled for the planner;
 *   6. lastSyncAt is written: only now does the rep count as up to date.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Attempt, Lead } from '../../../shared/domain.js';
import { resolveLeadZones } from '../compliance/resolve-lead-zones.js';
import { TEAM_LIST_SOURCE, type DoNotCallStore } from '../schedule/do-not-call-store.js';
import type { LeadStore } from '../store/lead-store.js';
import { localDay, localMinuteOfDay, weekdayOfDay } from '../timezones/zone-clock.js';
import { connectionConfig, withClient } from './team-database.js';
import { claimPlanned } from './lead-pool.js';
import { attemptRecordSchema } from '../store/record-schemas.js';
import { isJoined, type DayTallyItem, type OutboxItem, type TeamFile } from './team-file.js';
import { StatsFold, type DayTally } from '../stats/stats-fold.js';
import { isoDateOfDay } from '../timezones/zone-clock.js';
import type pg from 'pg';

export interface SyncResult {
  pushed: number;
  pulled: number;
  /** Numbers on the team's do-not-call list. */
  dncEntries: number;
  /** Leads this rep holds in the pool now. */
  claimed: number;
  lastSyncAt: string;
}

export interface TeamSyncDeps {
  file: TeamFile;
  doNotCall: DoNotCallStore;
  /** The rep's lead store (its attempt logs are the attempts' outbox); null where none is open. */
  store: () => LeadStore | null;
  /** The rep's database password (the keyring's); null lets pg use PGPASSWORD or ~/.pgpass. */
  password: () => string | null;
  now: () => Date;
  /** Attempts a transaction (default 2,000). */
  attemptChunk?: number;
}

const ATTEMPT_CHUNK = 2_000;
/** A planned lead's claim: renewed by every sync while the rep's app runs, free again half a day after it stops. */
const CLAIM_HOURS = 12;
const HOUR_MS = 3_600_000;

/** Opt-outs travel as do-not-call entries: a "do-not-call" outcome or a "no" to the permission question. */
const isOptOut = (attempt: Attempt) => attempt.outcome === 'do-not-call' || attempt.permission === 'no';

/** "2026-12-07 21:40 UTC" */
const minuteText = (at: Date) => `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`;

export class TeamSync {
  private running: Promise<SyncResult> | null = null;
  private next: Promise<SyncResult> | null = null;
  /** The store's change counter when its attempts were last all sent: unchanged, a sync reads no log (NOTIFY syncs stay cheap). */
  private sentAtVersion: number | null = null;

  /** A script version's name for the manager's figures (the app's script library); the id where none is known. */
  scriptNames: ((id: string, version: number) => string | undefined) | null = null;
  /** The phones this rep's planner plans within the next day (the app's schedule service): claimed by each sync. */
  plannedPhones: (() => string[]) | null = null;
  /** Other reps' attempt ids already in this folder's store (this run): not looked up again. */
  private readonly historyIds = new Set<string>();

  constructor(private readonly deps: TeamSyncDeps) {}

  get data() {
    return this.deps.file.db.data;
  }

  get config(): pg.ClientConfig {
    return connectionConfig(this.data.url, this.deps.password());
  }

  /**
   * Why no number may be dialled (the team list may be missing opt-outs), or null. Fail closed:
   * never synced, or last synced longer ago than the team's limit.
   */
  staleReason(): string | null {
    const data = this.data;
    if (!isJoined(data)) return null;
    if (data.url === 'damaged') {
      return "Do not call: this folder's team file could not be read, so the team's do-not-call list cannot be trusted; join the team again (team join)";
    }
    if (data.lastSyncAt === null) {
      return "Do not call: team mode is on and the team's do-not-call list has not been synced yet; no calls until a sync succeeds (team sync)";
    }
    const age = this.deps.now().getTime() - Date.parse(data.lastSyncAt);
    if (age <= data.staleAfterHours * HOUR_MS) return null;
    return (
      `Do not call: the team's do-not-call list was last synced ${minuteText(new Date(data.lastSyncAt))}, ` +
      `more than the team's limit of ${data.staleAfterHours} hours ago; no calls until a sync succeeds (team sync)`
    );
  }

  /** Queues an opt-out for the team (`dnc add` in team mode); sent by the next sync. */
  async queueOptOut(number: string, reason: string, id: string): Promise<void> {
    await this.enqueue([{ kind: 'dnc', id, number, reason, at: this.deps.now().toISOString() }]);
  }

  async enqueue(items: OutboxItem[]): Promise<void> {
    const known = new Set(this.data.outbox.map((i) => i.id));
    const fresh = items.filter((i) => !known.has(i.id));
    if (fresh.length === 0) return;
    const days = new Set(fresh.flatMap((i) => (i.kind === 'day' ? [i.date] : [])));
    if (days.size > 0) this.data.outbox = this.data.outbox.filter((i) => i.kind !== 'day' || !days.has(i.date));
    this.data.outbox.push(...fresh);
    await this.deps.file.db.write();
  }

  /** Syncs now. Calls while one runs get one more run after it (a NOTIFY during a sync is not lost). */
  sync(): Promise<SyncResult> {
    if (this.running) {
      this.next ??= this.running
        .catch(() => undefined)
        .then(() => {
          this.next = null;
          return this.sync();
        });
      return this.next;
    }
    this.running = this.syncOnce().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async syncOnce(): Promise<SyncResult> {
    if (!isJoined(this.data) || this.data.url === 'damaged') throw new Error('This data folder is not in a team (team join --db URL).');
    const version = this.deps.store()?.changeCounters.summaries ?? null;
    const pending = version !== null && version === this.sentAtVersion ? { rows: [], sentAfter: { ...this.data.attemptsSent }, optOuts: [] } : this.newAttempts();
    await this.enqueue(pending.optOuts);
    await this.queueChangedDays();
    return withClient(this.config, async (client) => {
      let pushed = await this.pushOutbox(client);
      pushed += await this.pushAttempts(client, pending);
      this.sentAtVersion = version;
      // The list is as fresh as the moment it was read, not the moment the sync ends.
      const pulledAt = this.deps.now();
      const pulled = await this.pullDoNotCall(client);
      const planned = this.plannedPhones?.() ?? [];
      if (planned.length > 0) await claimPlanned(client, planned, CLAIM_HOURS);
      await this.pullHistories(client);
      const { rows } = await client.query<{ stale: string; dnc: string; claimed: string; manager: boolean | null }>(
        `SELECT (SELECT stale_after_hours FROM dialdesk.team_settings WHERE id = 1) AS stale,
                (SELECT manager FROM dialdesk.rep WHERE role_name = current_user) AS manager,
                (SELECT count(DISTINCT number) FROM dialdesk.dnc) AS dnc,
                (SELECT count(*) FROM dialdesk.lead WHERE claimed_by = current_user AND claim_expires_at > now()) AS claimed`,
      );
      const learned = await client.query(
        'SELECT time_zone, local_hour, local_weekday, dials, conversations FROM dialdesk.team_learned',
      );
      const store = this.deps.store();
      const phones = store ? [...store.allLeads()].map((lead) => lead.phone) : [];
      const held = await client.query<{ phone: string }>('SELECT dialdesk.held_by_others($1::text[]) AS phone', [phones]);
      const data = this.data;
      data.heldByOthers = held.rows.map((r) => r.phone);
      data.learned = learned.rows.map((r) => ({
        timeZone: r.time_zone,
        hour: r.local_hour,
        weekday: r.local_weekday,
        dials: Number(r.dials),
        conversations: Number(r.conversations),
      }));
      data.staleAfterHours = Number(rows[0].stale);
      data.manager = rows[0].manager === true;
      data.lastSyncAt = pulledAt.toISOString();
      await this.deps.file.db.write();
      return { pushed, pulled, dncEntries: Number(rows[0].dnc), claimed: Number(rows[0].claimed), lastSyncAt: data.lastSyncAt };
    });
  }

  /** The stats fold's days whose tally differs from what the team last committed, as outbox items. */
  private async queueChangedDays(): Promise<void> {
    const fold = this.deps.store()?.historyFold;
    if (!(fold instanceof StatsFold)) return;
    const items: OutboxItem[] = [];
    const queued = new Map(this.data.outbox.flatMap((i) => (i.kind === 'day' ? [[i.date, i.id] as const] : [])));
    for (const [day, tally] of fold.days) {
      const date = isoDateOfDay(day);
      const item = this.dayItem(tally);
      const id = `day:${date}:${createHash('sha256').update(JSON.stringify(item)).digest('base64url').slice(0, 22)}`;
      if (this.data.daysSent[date] === id || queued.get(date) === id) continue;
      items.push({ kind: 'day', id, date, tally: item });
    }
    await this.enqueue(items);
  }

  private dayItem(tally: DayTally): DayTallyItem {
    const scripts = Object.entries(tally.scripts)
      .map(([key, counts]) => {
        const at = key.lastIndexOf('@');
        const scriptId = key.slice(0, at);
        const version = Number(key.slice(at + 1)) || 0;
        return { scriptId, version, name: this.scriptNames?.(scriptId, version) ?? scriptId, voicemails: counts.voicemails, returns: counts.returns };
      })
      .sort((a, b) => (a.scriptId < b.scriptId ? -1 : a.scriptId > b.scriptId ? 1 : a.version - b.version));
    // Counts only: a figure a rebuilt fold got wrong below zero must not make team.json unreadable (that fails closed).
    const c = (value: number) => Math.max(0, Math.trunc(value) || 0);
    const hours = (list: number[]) => Array.from({ length: 24 }, (_, hour) => c(list[hour] ?? 0));
    return {
      dials: c(tally.dials),
      conversations: c(tally.conversations),
      voicemails: c(tally.voicemails),
      returns: c(tally.returns),
      promisesKept: c(tally.promisesKept),
      promisesBroken: c(tally.promisesBroken),
      hourDials: hours(tally.hourDials),
      hourConversations: hours(tally.hourConversations),
      scripts: scripts.map((s) => ({ ...s, voicemails: c(s.voicemails), returns: c(s.returns) })),
    };
  }

  /** Attempts past each month's sent count, and the opt-outs among them as outbox items. */
  private newAttempts(): { rows: AttemptRow[]; sentAfter: Record<string, number>; optOuts: OutboxItem[] } {
    const store = this.deps.store();
    const sent = this.data.attemptsSent;
    const seen: Record<string, number> = {};
    const rows: AttemptRow[] = [];
    const optOuts: OutboxItem[] = [];
    if (!store) return { rows, sentAfter: { ...sent }, optOuts };
    for (const attempt of store.allAttempts()) {
      const month = attempt.recordedAt.slice(0, 7);
      seen[month] = (seen[month] ?? 0) + 1;
      if (seen[month] <= (sent[month] ?? 0)) continue;
      // Another rep's attempt (its history came with a claim) keeps its place in the log but is never sent back.
      if (attempt.by !== undefined) {
        rows.push({ id: attempt.id, month, imported: true } as AttemptRow);
        continue;
      }
      const lead = store.getLead(attempt.leadId);
      if (!lead) continue;
      const zone = lead.zones?.zones[0] ?? null;
      const at = Date.parse(attempt.startedAt);
      rows.push({
        id: attempt.id,
        month,
        phone: lead.phone,
        outcome: attempt.outcome,
        startedAt: attempt.startedAt,
        zone,
        hour: zone ? Math.floor(localMinuteOfDay(zone, at) / 60) : null,
        weekday: zone ? weekdayOfDay(localDay(zone, at)) || 7 : null,
        scriptId: attempt.scriptId,
        scriptVersion: attempt.scriptVersion,
        promisedFor: attempt.promisedFor,
      });
      if (isOptOut(attempt)) {
        optOuts.push({ kind: 'dnc', id: `attempt:${attempt.id}`, number: lead.phone, reason: attempt.note || 'opted out on a call', at: attempt.recordedAt });
      }
    }
    return { rows, sentAfter: { ...sent }, optOuts };
  }

  private async pushOutbox(client: pg.Client): Promise<number> {
    const items = [...this.data.outbox];
    if (items.length === 0) return 0;
    const dnc = items.filter((i) => i.kind === 'dnc');
    const notes = items.filter((i) => i.kind === 'note');
    const releases = items.filter((i) => i.kind === 'release');
    const days = items.filter((i) => i.kind === 'day');
    await client.query('BEGIN');
    try {
      if (dnc.length > 0) {
        await client.query(
          `INSERT INTO dialdesk.dnc (id, number, reason, recorded_at)
           SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[]) ON CONFLICT (id) DO NOTHING`,
          [dnc.map((i) => i.id), dnc.map((i) => i.number), dnc.map((i) => i.reason), dnc.map((i) => i.at)],
        );
      }
      if (notes.length > 0) {
        await client.query(
          `INSERT INTO dialdesk.note (id, lead_phone, body, written_at)
           SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[]) ON CONFLICT (id) DO NOTHING`,
          [notes.map((i) => i.id), notes.map((i) => i.phone), notes.map((i) => i.body), notes.map((i) => i.at)],
        );
      }
      if (releases.length > 0) {
        await client.query(
          `UPDATE dialdesk.lead SET claimed_by = NULL, claim_expires_at = NULL WHERE phone = ANY($1::text[]) AND claimed_by = current_user`,
          [releases.map((i) => i.phone)],
        );
      }
      if (days.length > 0) await this.pushDays(client, days);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
    const sent = new Set(items.map((i) => i.id));
    this.data.outbox = this.data.outbox.filter((i) => !sent.has(i.id));
    for (const day of days) this.data.daysSent[day.date] = day.id;
    await this.deps.file.db.write();
    return items.length;
  }

  /**
   * Day tallies: a day's row is its whole tally, so sending one again writes the same figures (a retry
   * never counts twice) and a newer tally replaces an older one. Its script rows are replaced with it.
   */
  private async pushDays(client: pg.Client, days: Array<Extract<OutboxItem, { kind: 'day' }>>): Promise<void> {
    await client.query(
      `INSERT INTO dialdesk.rep_day (day, dials, conversations, voicemails, returns, promises_kept, promises_broken, hour_dials, hour_conversations)
       SELECT t.day, t.dials, t.conversations, t.voicemails, t.returns, t."promisesKept", t."promisesBroken",
              ARRAY(SELECT jsonb_array_elements_text(t."hourDials")::integer),
              ARRAY(SELECT jsonb_array_elements_text(t."hourConversations")::integer)
         FROM jsonb_to_recordset($1::jsonb) AS t(day date, dials integer, conversations integer, voicemails integer, returns integer,
              "promisesKept" integer, "promisesBroken" integer, "hourDials" jsonb, "hourConversations" jsonb)
       ON CONFLICT (rep, day) DO UPDATE SET dials = EXCLUDED.dials, conversations = EXCLUDED.conversations, voicemails = EXCLUDED.voicemails,
              returns = EXCLUDED.returns, promises_kept = EXCLUDED.promises_kept, promises_broken = EXCLUDED.promises_broken,
              hour_dials = EXCLUDED.hour_dials, hour_conversations = EXCLUDED.hour_conversations, sent_at = now()`,
      [JSON.stringify(days.map((d) => ({ day: d.date, ...d.tally, scripts: undefined })))],
    );
    await client.query('DELETE FROM dialdesk.rep_day_script WHERE rep = current_user AND day = ANY($1::date[])', [days.map((d) => d.date)]);
    const scripts = days.flatMap((d) => d.tally.scripts.map((s) => ({ day: d.date, ...s })));
    if (scripts.length === 0) return;
    await client.query(
      `INSERT INTO dialdesk.rep_day_script (day, script_id, script_version, script_name, voicemails, returns)
       SELECT t.day, t."scriptId", t.version, t.name, t.voicemails, t.returns
         FROM jsonb_to_recordset($1::jsonb) AS t(day date, "scriptId" text, version integer, name text, voicemails integer, returns integer)`,
      [JSON.stringify(scripts)],
    );
  }

  private async pushAttempts(client: pg.Client, pending: { rows: AttemptRow[]; sentAfter: Record<string, number> }): Promise<number> {
    const sent = pending.sentAfter;
    const size = this.deps.attemptChunk ?? ATTEMPT_CHUNK;
    for (let start = 0; start < pending.rows.length; start += size) {
      const all = pending.rows.slice(start, start + size);
      const chunk = all.filter((r) => !r.imported);
      if (chunk.length > 0) {
        await client.query(
        `INSERT INTO dialdesk.attempt (id, lead_phone, outcome, started_at, time_zone, local_hour, local_weekday, script_id, script_version, promised_for)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::text[], $6::smallint[], $7::smallint[], $8::text[], $9::integer[], $10::timestamptz[])
         ON CONFLICT (id) DO NOTHING`,
        [
          chunk.map((r) => r.id),
          chunk.map((r) => r.phone),
          chunk.map((r) => r.outcome),
          chunk.map((r) => r.startedAt),
          chunk.map((r) => r.zone),
          chunk.map((r) => r.hour),
          chunk.map((r) => r.weekday),
          chunk.map((r) => r.scriptId),
          chunk.map((r) => r.scriptVersion),
          chunk.map((r) => r.promisedFor),
        ],
        );
      }
      for (const row of all) sent[row.month] = (sent[row.month] ?? 0) + 1;
      this.data.attemptsSent = { ...sent };
      await this.deps.file.db.write();
    }
    return pending.rows.filter((r) => !r.imported).length;
  }

  /**
   * The histories of the leads this rep holds: other reps' attempts on them, recorded in this folder's store
   * under the same ids (each once: an id the lead's history has already is skipped), marked with who made them.
   */
  private async pullHistories(client: pg.Client): Promise<number> {
    const store = this.deps.store();
    if (!store) return 0;
    await this.addHeldLeads(client, store);
    const { rows } = await client.query<{ id: string; phone: string; outcome: string; started_at: Date; script_id: string | null; script_version: number | null; promised_for: Date | null; by: string }>(
      `SELECT a.id, a.lead_phone AS phone, a.outcome, a.started_at, a.script_id, a.script_version, a.promised_for, coalesce(r.name, a.rep) AS by
         FROM dialdesk.attempt a
         JOIN dialdesk.lead l ON l.phone = a.lead_phone AND l.claimed_by = current_user AND l.claim_expires_at > now()
         LEFT JOIN dialdesk.rep r ON r.role_name = a.rep
        WHERE a.rep <> current_user
        ORDER BY a.started_at, a.id`,
    );
    let recorded = 0;
    const known = new Map<string, Set<string>>();
    for (const row of rows) {
      if (this.historyIds.has(row.id)) continue;
      const lead = store.leadsWithNumber(row.phone)[0];
      if (!lead) continue;
      let ids = known.get(lead.id);
      if (!ids) known.set(lead.id, (ids = new Set(store.attemptsFor(lead.id).map((a) => a.id))));
      if (!ids.has(row.id)) {
        const at = row.started_at.toISOString();
        // What the database sent is read through the attempt's schema, as every record the store keeps.
        const parsed = attemptRecordSchema.safeParse({
          id: row.id,
          leadId: lead.id,
          outcome: row.outcome,
          startedAt: at,
          recordedAt: at,
          endedAt: null,
          source: 'manual',
          note: '',
          sipStatus: null,
          scriptId: row.script_id,
          scriptVersion: row.script_version,
          promisedFor: row.promised_for ? row.promised_for.toISOString() : null,
          by: row.by,
        });
        if (!parsed.success) continue;
        await store.recordAttempt(parsed.data);
        ids.add(row.id);
        recorded += 1;
      }
      this.historyIds.add(row.id);
    }
    return recorded;
  }

  /**
   * Leads this rep holds that the folder does not have (claimed from the pool, or handed over by a manager) join
   * the rep's leads, with the zones and places their number and the pool's zone say, so their history has a lead.
   */
  private async addHeldLeads(client: pg.Client, store: LeadStore): Promise<number> {
    const { rows } = await client.query<{ phone: string; name: string; company: string; time_zone: string | null }>(
      `SELECT phone, name, company, time_zone FROM dialdesk.lead WHERE claimed_by = current_user AND claim_expires_at > now() ORDER BY phone`,
    );
    const missing = rows.filter((row) => !store.leadByPhone(row.phone));
    if (missing.length === 0) return 0;
    const at = this.deps.now().toISOString();
    const leads: Lead[] = [];
    for (const row of missing) {
      const name = row.name.trim();
      const space = name.indexOf(' ');
      const whereabouts = { phone: row.phone, timeZone: row.time_zone, timeZoneInput: row.time_zone ?? '' };
      leads.push({
        id: randomUUID(),
        firstName: space < 0 ? name : name.slice(0, space),
        lastName: space < 0 ? '' : name.slice(space + 1),
        ...(name ? { fullName: name } : {}),
        company: row.company,
        email: '',
        extension: '',
        otherPhones: [],
        ...whereabouts,
        zones: await resolveLeadZones(whereabouts),
        referrer: '',
        reason: '',
        notes: '',
        doNotCall: false,
        createdAt: at,
        updatedAt: at,
      });
    }
    await store.addLeads(leads);
    return leads.length;
  }

  /** New team entries (seq > lastDncSeq) into the local list in one write, each naming when and by whom it was recorded. */
  private async pullDoNotCall(client: pg.Client): Promise<number> {
    const { rows } = await client.query<{ number: string; recorded_at: Date; seq: string; by: string }>(
      `SELECT d.number, d.recorded_at, d.seq, coalesce(r.name, d.recorded_by) AS by
         FROM dialdesk.dnc d LEFT JOIN dialdesk.rep r ON r.role_name = d.recorded_by
        WHERE d.seq > $1 ORDER BY d.seq`,
      [this.data.lastDncSeq],
    );
    if (rows.length === 0) return 0;
    await this.deps.doNotCall.addEach(
      rows.map((row) => ({ number: row.number, source: `${TEAM_LIST_SOURCE} since ${minuteText(row.recorded_at)}, recorded by ${row.by}` })),
      "the team's do-not-call list",
    );
    this.data.lastDncSeq = Number(rows[rows.length - 1].seq);
    await this.deps.file.db.write();
    return rows.length;
  }
}

interface AttemptRow {
  id: string;
  month: string;
  phone: string;
  outcome: string;
  startedAt: string;
  zone: string | null;
  hour: number | null;
  weekday: number | null;
  scriptId: string | null;
  scriptVersion: number | null;
  promisedFor: string | null;
  /** Another rep's attempt, in this folder's log: counted as a position, never sent. */
  imported?: boolean;
}
