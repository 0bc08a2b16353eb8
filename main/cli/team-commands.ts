/**
 * `dialdesk team …`: team mode on PostgreSQL (main/core/team). init and
 * add-rep are the admin's and need no data folder; join, sync and status
 * work on this folder.
 */
import type { DoNotCallStore } from '../core/schedule/do-not-call-store.js';
import type { LeadStore } from '../core/store/lead-store.js';
import { addRep, migrateTeamDatabase, splitPassword, TeamUrlError } from '../core/team/team-database.js';
import { NoKeyringError, saveTeamPassword } from '../core/team/team-password.js';
import type { TeamSync } from '../core/team/team-sync.js';
import { joinTeam, TeamJoinError, teamStatus } from '../core/team/team.js';
import { CliError } from './cli-error.js';

export const TEAM_USAGE = `Usage: dialdesk team <command> [options]

Commands:
  init --db ADMIN_URL               create or migrate the team schema (idempotent)
  add-rep NAME --db ADMIN_URL [--manager]
                                    create the rep's database role; prints the URL to hand them (once)
  join --db URL                     link this data folder to the team; local leads are offered to the pool
  sync [--json]                     sync now: {pushed, pulled, dncEntries, claimed, lastSyncAt}
  status [--json]                   the team line: joined, last sync, outbox, blocked or not

URLs are postgres://user:password@host:port/database; add ?sslmode=verify-full&sslrootcert=FILE for a hosted
database. The rep's password goes to the system keyring; without one, use PGPASSWORD or ~/.pgpass.
Every command takes --data-dir DIR.`;

const needDb = (db: string | undefined, what: string): string => {
  if (!db) throw new CliError(`team ${what} needs --db URL.\n\n${TEAM_USAGE}`);
  return db;
};

/** The admin's commands: no data folder. Returns null for the folder's own commands. */
export async function teamAdminCommand(
  action: string | undefined,
  args: { name?: string; db?: string; manager?: boolean },
  out: NodeJS.WritableStream,
): Promise<number | null> {
  try {
    if (action === 'init') {
      const ran = await migrateTeamDatabase(needDb(args.db, 'init'));
      out.write(ran.length > 0 ? `Team schema ready (ran ${ran.join(', ')}).\n` : 'Team schema is up to date; nothing to do.\n');
      return 0;
    }
    if (action === 'add-rep') {
      const name = args.name?.trim();
      if (!name) throw new CliError('team add-rep needs the rep\'s NAME.');
      const rep = await addRep(needDb(args.db, 'add-rep'), name, args.manager ?? false);
      out.write(
        `${name} can now join as the database role ${rep.role}${args.manager ? ' (manager: reads the whole team)' : ''}.\n` +
          `Hand them this URL (shown once; Dialdesk keeps no copy):\n${rep.url}\n`,
      );
      return 0;
    }
  } catch (error) {
    if (error instanceof CliError || error instanceof TeamUrlError) throw new CliError(error.message);
    throw new CliError(`team ${action}: ${(error as Error).message}`);
  }
  return null;
}

export interface TeamFolderInput {
  action: string | undefined;
  dataDir: string;
  db?: string;
  json: boolean;
  team: TeamSync | null;
  doNotCall: DoNotCallStore;
  store: LeadStore;
  out: NodeJS.WritableStream;
}

export async function teamFolderCommand(input: TeamFolderInput): Promise<number> {
  const { out } = input;
  try {
    switch (input.action) {
      case 'join': {
        const url = needDb(input.db, 'join');
        const { password } = splitPassword(url);
        if (password) await saveTeamPassword(input.dataDir, password);
        const joined = await joinTeam(
          { dataDir: input.dataDir, doNotCall: input.doNotCall, store: () => input.store, password: () => password, now: () => new Date() },
          url,
        );
        out.write(
          `Joined the team as ${joined.repName} (${joined.role}). ${joined.offered} local leads offered to the pool; ` +
            `${joined.sync.dncEntries} numbers on the team's do-not-call list.\n`,
        );
        return 0;
      }
      case 'sync': {
        const team = joinedTeam(input.team);
        const result = await team.sync();
        out.write(
          input.json
            ? `${JSON.stringify(result)}\n`
            : `Synced at ${result.lastSyncAt}: ${result.pushed} sent, ${result.pulled} do-not-call numbers received; ` +
                `${result.dncEntries} on the team's list; you hold ${result.claimed} leads.\n`,
        );
        return 0;
      }
      case 'status': {
        const status = teamStatus(input.team);
        if (input.json) out.write(`${JSON.stringify(status)}\n`);
        else if (!status.joined) out.write('Not in a team (team join --db URL).\n');
        else {
          out.write(
            `Team: ${status.url} as ${status.repName}\nLast sync: ${status.lastSyncAt ?? 'never'} (limit ${status.staleAfterHours} h)\n` +
              `Waiting to be sent: ${status.outbox}\n${status.blocked ? `BLOCKED: ${status.blocked}` : 'Dialling: allowed by team mode'}\n`,
          );
        }
        return 0;
      }
      default:
        throw new CliError(`team needs init, add-rep, join, sync or status.\n\n${TEAM_USAGE}`);
    }
  } catch (error) {
    if (error instanceof CliError) throw error;
    if (error instanceof TeamJoinError || error instanceof NoKeyringError || error instanceof TeamUrlError) throw new CliError(error.message);
    throw new CliError(`team ${input.action}: ${(error as Error).message}`);
  }
}

function joinedTeam(team: TeamSync | null): TeamSync {
  if (!team) throw new CliError('This data folder is not in a team (team join --db URL).');
  return team;
}
