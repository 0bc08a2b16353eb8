/**
 * Team mode for one data folder: joining, opening the link on start, and the
 * status. The local store stays what the app reads; the team database is
 * where reps meet (main/core/team/team-sync.ts).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { DoNotCallStore } from '../schedule/do-not-call-store.js';
import type { LeadStore } from '../store/lead-store.js';
import { connectionConfig, splitPassword, withClient } from './team-database.js';
import { isJoined, openTeamFile, TEAM_FILE } from './team-file.js';
import { TeamSync, type SyncResult } from './team-sync.js';
import { loadTeamPassword } from './team-password.js';

export interface TeamFolderDeps {
  dataDir: string;
  doNotCall: DoNotCallStore;
  store: () => LeadStore | null;
  password: () => string | null;
  now: () => Date;
  /** Attempts sent a transaction (tests make it small to crash between two). */
  attemptChunk?: number;
}

/**
 * The folder's team link when it has joined one, else null. The do-not-call
 * store then refuses every dial while the team list is stale (fail closed).
 */
export async function openTeam(deps: TeamFolderDeps): Promise<TeamSync | null> {
  if (!existsSync(join(deps.dataDir, TEAM_FILE))) return null;
  const file = await openTeamFile(deps.dataDir, deps.now());
  const team = new TeamSync({ file, doNotCall: deps.doNotCall, store: deps.store, password: deps.password, now: deps.now, attemptChunk: deps.attemptChunk });
  deps.doNotCall.addBlocker(() => team.staleReason());
  return team;
}

/** openTeam for a front door: the password from the keyring, read only when the folder is in a team. */
export async function openTeamWithKeyring(deps: Omit<TeamFolderDeps, 'password'>): Promise<TeamSync | null> {
  if (!existsSync(join(deps.dataDir, TEAM_FILE))) return null;
  const password = await loadTeamPassword(deps.dataDir);
  return openTeam({ ...deps, password: () => password });
}

export interface JoinResult {
  repName: string;
  role: string;
  /** Local leads offered to the team's pool (new to it). */
  offered: number;
  sync: SyncResult;
  /** The folder's link, already watching the do-not-call store (open it once per process). */
  team: TeamSync;
}

/**
 * Links the folder to a team: checks the URL's role is a rep of that team,
 * writes `team.json` (URL without password), offers the local leads to the
 * pool and syncs once. `url` may carry the password; the caller has put it
 * in the keyring already and passes it as `password`.
 */
export async function joinTeam(deps: TeamFolderDeps, url: string): Promise<JoinResult> {
  const bare = splitPassword(url).url;
  const config = connectionConfig(bare, deps.password());
  const who = await withClient(config, async (client) => {
    const { rows } = await client.query<{ role: string; name: string | null }>(
      'SELECT current_user AS role, (SELECT name FROM dialdesk.rep WHERE role_name = current_user) AS name',
    );
    return rows[0];
  }).catch((error: Error) => {
    throw new TeamJoinError(`Cannot reach the team database as this rep: ${error.message}`);
  });
  if (!who.name) throw new TeamJoinError(`The role ${who.role} is not a rep of this team (cli team add-rep NAME --db ADMIN_URL creates one).`);
  const file = await openTeamFile(deps.dataDir, deps.now());
  const data = file.db.data;
  const sameTeam = isJoined(data) && data.url === bare && data.role === who.role;
  Object.assign(data, {
    url: bare,
    role: who.role,
    repName: who.name,
    joinedAt: sameTeam ? data.joinedAt : deps.now().toISOString(),
    ...(sameTeam ? {} : { lastDncSeq: 0, lastSyncAt: null, attemptsSent: {} }),
  });
  await file.db.write();
  const team = new TeamSync({ file, doNotCall: deps.doNotCall, store: deps.store, password: deps.password, now: deps.now, attemptChunk: deps.attemptChunk });
  deps.doNotCall.addBlocker(() => team.staleReason());
  const offered = await offerLocalLeads(config, deps.store());
  const sync = await team.sync();
  return { repName: who.name, role: who.role, offered, sync, team };
}

export class TeamJoinError extends Error {}

async function offerLocalLeads(config: ReturnType<typeof connectionConfig>, store: LeadStore | null): Promise<number> {
  if (!store) return 0;
  const leads = [...store.allLeads()].filter((lead) => /^\+\d{5,15}$/.test(lead.phone));
  let offered = 0;
  await withClient(config, async (client) => {
    for (let start = 0; start < leads.length; start += 2_000) {
      const chunk = leads.slice(start, start + 2_000);
      const result = await client.query(
        `INSERT INTO dialdesk.lead (phone, name, company, time_zone)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) ON CONFLICT (phone) DO NOTHING`,
        [
          chunk.map((l) => l.phone),
          chunk.map((l) => [l.firstName, l.lastName].filter(Boolean).join(' ')),
          chunk.map((l) => l.company ?? ''),
          chunk.map((l) => l.zones?.zones[0] ?? null),
        ],
      );
      offered += result.rowCount ?? 0;
    }
  });
  return offered;
}

export interface TeamStatus {
  joined: boolean;
  repName: string | null;
  url: string | null;
  lastSyncAt: string | null;
  staleAfterHours: number | null;
  outbox: number;
  /** Why dialling is stopped by team mode, else null. */
  blocked: string | null;
}

export function teamStatus(team: TeamSync | null): TeamStatus {
  if (!team) return { joined: false, repName: null, url: null, lastSyncAt: null, staleAfterHours: null, outbox: 0, blocked: null };
  const data = team.data;
  return {
    joined: true,
    repName: data.repName,
    url: data.url,
    lastSyncAt: data.lastSyncAt,
    staleAfterHours: data.staleAfterHours,
    outbox: data.outbox.length,
    blocked: team.staleReason(),
  };
}
