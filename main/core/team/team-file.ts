/**
 * What this data folder knows of its team, in `team.json`: where the team
 * database is (the URL without its password, which lives in the keyring), who
 * this rep is there, how far the pulls got, when the last sync succeeded, and
 * the outbox: every change the team needs, written here first with a unique
 * id, removed only after the database has committed it. A sync that dies
 * half-way sends the same ids again and the database keeps one of each.
 */
import { join } from 'node:path';
import { z } from 'zod';
import { openSmallJsonFile, type SmallJsonFile } from '../store/small-json-file.js';

const count = z.number().int().min(0);
export const dayTallySchema = z.object({
  dials: count,
  conversations: count,
  voicemails: count,
  returns: count,
  promisesKept: count,
  promisesBroken: count,
  hourDials: z.array(count).length(24),
  hourConversations: z.array(count).length(24),
  scripts: z.array(z.object({ scriptId: z.string(), version: z.number().int(), name: z.string(), voicemails: count, returns: count })),
});
export type DayTallyItem = z.infer<typeof dayTallySchema>;

export const outboxItemSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('dnc'), id: z.string(), number: z.string().regex(/^\+\d{5,15}$/), reason: z.string(), at: z.string() }),
  z.object({ kind: z.literal('note'), id: z.string(), phone: z.string(), body: z.string(), at: z.string() }),
  z.object({ kind: z.literal('release'), id: z.string(), phone: z.string(), at: z.string() }),
  /** One day's whole tally of the rep's stats (main/core/stats), for the manager's figures; a newer one replaces it. */
  z.object({ kind: z.literal('day'), id: z.string(), date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), tally: dayTallySchema }),
]);
export type OutboxItem = z.infer<typeof outboxItemSchema>;

const teamFileSchema = z.object({
  schemaVersion: z.literal(1),
  /** The team database, without password (`postgres://role@host:port/db?sslmode=verify-full`). */
  url: z.string(),
  role: z.string(),
  repName: z.string(),
  /** The role is a team manager (reads the whole team): the app shows the team screen. */
  manager: z.boolean().default(false),
  joinedAt: z.string(),
  /** The last do-not-call sequence number pulled. */
  lastDncSeq: z.number().int().min(0),
  lastSyncAt: z.string().nullable(),
  /** The team's limit: past it without a sync, no dial. */
  staleAfterHours: z.number().positive(),
  /** Attempts of each month's log already sent (the attempt logs are append-only, so a count is a position). */
  attemptsSent: z.record(z.string(), z.number().int().min(0)),
  outbox: z.array(outboxItemSchema),
  /** The other reps' dials and conversations by zone, local hour and ISO weekday (dialdesk.team_learned), from the last sync. */
  learned: z
    .array(z.object({ timeZone: z.string(), hour: z.number().int().min(0).max(23), weekday: z.number().int().min(1).max(7), dials: z.number(), conversations: z.number() }))
    .default([]),
  /** This folder's leads (phones) another rep holds in the pool, at the last sync: not planned here meanwhile. */
  heldByOthers: z.array(z.string()).default([]),
  /** Each day's tally as last committed to the team (date → its outbox id): a day is sent again only when it changed. */
  daysSent: z.record(z.string(), z.string()).default({}),
});
export type TeamFileData = z.infer<typeof teamFileSchema>;

/** A folder before it joins (written only by a join: other callers open `team.json` only when it exists). */
const notJoined = (): TeamFileData => ({
  schemaVersion: 1,
  url: '',
  role: '',
  repName: '',
  manager: false,
  joinedAt: '',
  lastDncSeq: 0,
  lastSyncAt: null,
  staleAfterHours: 24,
  attemptsSent: {},
  outbox: [],
  learned: [],
  heldByOthers: [],
  daysSent: {},
});

export const TEAM_FILE = 'team.json';

export type TeamFile = SmallJsonFile<TeamFileData>;

/**
 * Opens `team.json`. A damaged file is kept aside by openSmallJsonFile and the
 * folder counts as joined with no sync at all: the do-not-call list then fails
 * closed until the rep joins again, never open.
 */
export async function openTeamFile(dataDir: string, now: Date): Promise<TeamFile> {
  return openSmallJsonFile<TeamFileData>(
    join(dataDir, TEAM_FILE),
    notJoined,
    (raw) => {
      const parsed = teamFileSchema.safeParse(raw);
      if (!parsed.success) throw new Error(`not a Dialdesk team file (${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message})`);
      return parsed.data;
    },
    now,
    () => ({ ...notJoined(), url: 'damaged', joinedAt: now.toISOString() }),
  );
}

export const isJoined = (data: TeamFileData) => data.joinedAt !== '';
