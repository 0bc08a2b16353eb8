import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { MappingError } from '../core/leads/import-leads.js';
import { CsvFileError } from '../core/leads/parse-csv.js';
import { createConfSettings } from '../core/settings/conf-settings.js';
import { defaultDataDir } from '../core/settings/default-data-dir.js';
import type { LeadStore } from '../core/store/lead-store.js';
import { lockDataDir, type DataDirLock } from '../core/store/data-dir-lock.js';
import { DataDirError, usePrivateUmask } from '../core/store/private-data-dir.js';
import { describeRebuild, type RebuildProgress } from '../core/store/rebuild-progress.js';
import { StoreOpenError } from '../core/store/store-error.js';
import { computeStats, formatStats } from '../core/stats/store-stats.js';
import { returnsCommand } from './returns-command.js';
import { planCommand } from './plan-command.js';
import { simulateCommand } from './simulate-command.js';
import { detectCommand, DetectInputError } from './detect-command.js';
import type { DoNotCallStore } from '../core/schedule/do-not-call-store.js';
import type { DialGate } from '../core/calling/dial-gate.js';
import { openDataFolder } from '../core/data-folder.js';
import type { SettingsStore } from '../core/settings/settings-store.js';
import { NO_ZONES } from '../core/compliance/resolve-lead-zones.js';
import type { Settings } from '../../shared/domain.js';
import { checkCommand, dncCommand, GateCliError, logCommand, rulesCommand } from './gate-commands.js';
import { CliError } from './cli-error.js';
import { exportCommand, importCommand } from './file-commands.js';
import { openTeamWithKeyring } from '../core/team/team.js';
import { teamPlanning } from '../core/team/team-planning.js';
import type { TeamPlanning } from '../core/schedule/schedule-service.js';
import { TEAM_USAGE, teamAdminCommand, teamFolderCommand } from './team-commands.js';

const USAGE = `Usage: dialdesk <command> [options]

Commands:
  import FILE [--country US] [--report F]
                                    import leads from a CRM CSV export; --report writes every rejected row as CSV
  export leads|attempts|quarantine [--out F]
                                    write CSV (standard output by default); quarantine: records set aside as unreadable
  stats [--json] [--from D --to D]  dials, conversations, voicemails, returns, promises; by hour and script
  returns [--ics FILE]              callers waiting for a call back; the returns slots as a calendar
  plan [--from ISO] [--days N]      planned attempts as CSV (lead_id,phone,time_zone,planned_at,band,promised)
  check NUMBER [--at ISO] [--json]  the dial gate on a number: allowed or refused, and why (with the law's own verdict)
  rules [--json]                    every jurisdiction's calling hours, days, holidays and caps, with their sources
  log NUMBER --outcome O [--at ISO] [--note TEXT]
                                    record a call made outside Dialdesk on the lead that owns the number
  dnc import FILE                   add a CSV of do-not-call numbers
  dnc add NUMBER [--reason TEXT]    add one number (an opt-out recorded by hand)
  dnc list                          the do-not-call list as CSV (number,source,added_at)
  team init|add-rep|join|sync|status
                                    team mode on PostgreSQL (dialdesk team --help)
  simulate --scenario FILE.json [--seed N] [--seeds K] [--json]
                                    every planning strategy on a synthetic scenario (needs no data folder);
                                    --seeds K pools K worlds (seeds N…N+K−1) for a smaller standard error
  detect FILE.wav                   the voicemail beep detector on a recording: one JSON line
         [--silence-after-greeting MS]  (verdict beep|human|silence-after-greeting|unknown, beep times, Hz)

Every command takes --data-dir DIR (default: the app's data folder, or $DIALDESK_DATA_DIR).`;



export async function runCli(argv: string[], out: NodeJS.WritableStream = process.stdout, err: NodeJS.WritableStream = process.stderr): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        'data-dir': { type: 'string' },
        country: { type: 'string' },
        out: { type: 'string' },
        report: { type: 'string' },
        from: { type: 'string' },
        days: { type: 'string' },
        at: { type: 'string' },
        scenario: { type: 'string' },
        seed: { type: 'string' },
        seeds: { type: 'string' },
        json: { type: 'boolean' },
        'silence-after-greeting': { type: 'string' },
        to: { type: 'string' },
        ics: { type: 'string' },
        outcome: { type: 'string' },
        note: { type: 'string' },
        reason: { type: 'string' },
        db: { type: 'string' },
        manager: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    err.write(`${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (command === 'team' && values.help) {
    out.write(`${TEAM_USAGE}\n`);
    return 0;
  }
  if (command === 'team') {
    // The admin's commands touch the team database only: no data folder to lock.
    try {
      const done = await teamAdminCommand(rest[0], { name: rest[1], db: values.db, manager: values.manager }, out);
      if (done !== null) return done;
    } catch (error) {
      if (!(error instanceof CliError)) throw error;
      err.write(`${error.message}\n`);
      return 1;
    }
  }
  if (values.help || !command) {
    (values.help ? out : err).write(`${USAGE}\n`);
    return values.help ? 0 : 2;
  }
  // The law's table is data of the program, not of a folder.
  if (command === 'rules') return rulesCommand(values.json ?? false, out);
  // The simulator draws its own world: it neither needs nor locks a data folder (--data-dir is accepted and unused).
  if (command === 'simulate') return simulateCommand({ scenario: values.scenario, seed: values.seed, seeds: values.seeds, json: values.json }, out, err);
  if (command === 'detect') {
    // Reads a recording only: no data folder to open (or to lock against a running app).
    try {
      out.write(detectCommand(rest[0], values['silence-after-greeting']));
      return 0;
    } catch (error) {
      if (!(error instanceof DetectInputError)) throw error;
      err.write(`${error.message}\n`);
      return 1;
    }
  }
  const dataDir = values['data-dir'] ?? defaultDataDir();
  // The folder lock comes before anything else in the folder is read: a busy folder is left untouched.
  let lock: DataDirLock;
  try {
    lock = lockDataDir(dataDir);
  } catch (error) {
    // A folder that cannot be used at all is a bad argument (status 2); a busy one is an error (1).
    if (error instanceof DataDirError) {
      err.write(`${error.message}\n`);
      return 2;
    }
    if (!(error instanceof StoreOpenError)) throw error;
    err.write(`${error.message}\n`);
    return 1;
  }
  if (lock.notice) err.write(`${lock.notice}\n`);
  try {
    return await runLocked(command, rest, values, dataDir, lock, out, err);
  } finally {
    lock.release();
  }
}

/**
 * A rebuild over a second, on standard error: one line rewritten in place on a terminal, a line
 * every tenth of the way otherwise (a log file should not get four lines a second).
 */
function rebuildProgressPrinter(err: NodeJS.WritableStream): (progress: RebuildProgress) => void {
  const terminal = (err as { isTTY?: boolean }).isTTY === true;
  let lastTenth = -1;
  return (progress) => {
    const line = describeRebuild(progress);
    if (terminal) {
      err.write(`\r${line}${progress.done ? '\n' : ''}`);
      return;
    }
    const tenth = Math.floor(progress.fraction * 10);
    if (progress.done || tenth > lastTenth) err.write(`${line}\n`);
    lastTenth = tenth;
  };
}

async function runLocked(
  command: string,
  rest: string[],
  values: {
    country?: string; out?: string; report?: string; from?: string; days?: string; to?: string; at?: string; json?: boolean; ics?: string;
    outcome?: string; note?: string; reason?: string; db?: string;
  },
  dataDir: string,
  lock: DataDirLock,
  out: NodeJS.WritableStream,
  err: NodeJS.WritableStream,
): Promise<number> {
  const settings = createConfSettings(dataDir);
  if (settings.notice) err.write(`${settings.notice}\n`);
  // The core's own assembly of the folder: the same store options and folds, the same gate.
  const folder = await openDataFolder({ dataDir, settings, lock, now: () => new Date(), log: (m) => err.write(`${m}\n`), progress: rebuildProgressPrinter(err) });
  if (!folder.store) {
    err.write(`${folder.status.state === 'error' ? folder.status.message : 'The store could not be opened.'}\n`);
    return 1;
  }
  const store = folder.store;
  try {
    const { doNotCall, gate, team } = folder;
    const isDoNotCall = (lead: Parameters<DialGate['doNotCallReason']>[0]) => gate.doNotCallReason(lead) !== null;
    switch (command) {
      case 'import':
        return await importCommand(store, rest[0], { country: values.country ?? settings.get().defaultCountry, report: values.report }, out, err);
      case 'export':
        return await exportCommand(store, rest[0], values.out, out, isDoNotCall);
      case 'stats': {
        let stats;
        try {
          stats = computeStats(store, settings.get().schedule, Date.now(), isDoNotCall, { from: values.from, to: values.to });
        } catch (error) {
          throw new CliError(`stats: ${(error as Error).message}`);
        }
        // Records set aside because they could not be read: counted, so none is dropped silently.
        const quarantined = store.quarantine.count;
        out.write(values.json ? `${JSON.stringify({ ...stats, quarantined })}\n` : `${formatStats(stats)}${quarantined > 0 ? `Set aside:      ${quarantined} unreadable records (export quarantine)\n` : ''}`);
        return 0;
      }
      case 'returns':
        return returnsCommand({ store, settings: settings.get(), dataDir, ics: values.ics, now: Date.now(), out });
      case 'plan':
        return planCliCommand(
          store,
          settings,
          [...(values.from ? ['--from', values.from] : []), ...(values.days ? ['--days', values.days] : [])],
          doNotCall,
          out,
          team ? teamPlanning(team) : null,
        );
      case 'check':
        return await checkCommand({ gate, settings, number: rest[0], at: values.at, json: values.json ?? false, out });
      case 'log':
        return await logCommand({ store, settings, number: rest[0], outcome: values.outcome, at: values.at, note: values.note, now: Date.now(), out, err });
      case 'dnc':
        return await dncCommand({
          doNotCall,
          settings,
          action: rest[0],
          file: rest[1],
          reason: values.reason,
          out,
          // In a team the opt-out binds the company: it goes to the outbox for the next sync.
          onAdded: team ? (number, reason) => team.queueOptOut(number, reason, randomUUID()) : undefined,
        });
      case 'team':
        return await teamFolderCommand({ action: rest[0], dataDir, db: values.db, json: values.json ?? false, team, doNotCall, store, out });
      default:
        throw new CliError(`Unknown command "${command}".\n\n${USAGE}`);
    }
  } catch (error) {
    if (error instanceof CliError || error instanceof GateCliError || error instanceof CsvFileError || error instanceof MappingError) {
      err.write(`${error.message}\n`);
      return 1;
    }
    throw error;
  } finally {
    await store.close();
  }
}


function planCliCommand(
  store: LeadStore,
  settingsStore: SettingsStore,
  args: string[],
  doNotCall: DoNotCallStore,
  out: NodeJS.WritableStream,
  /** In a team: the population model starts from the other reps' answers too, and leads another rep holds are not planned. */
  team: TeamPlanning | null,
): number {
  const settings: Settings = settingsStore.get();
  const bands = settings.schedule.bands;
  const bandStats = team ? team.bandStats(store.bandStats, bands) : store.bandStats;
  const result = planCommand({
    args,
    leads: [...store.allLeads()].filter((lead) => !team?.heldByOthers(lead)).map((lead) => ({
      lead,
      state: store.rotationOf(lead.id),
      zones: lead.zones ?? NO_ZONES,
      optedOut: store.summaryOf(lead.id).optedOut,
    })),
    rep: settings,
    schedule: settings.schedule,
    bandStats,
    doNotCallList: doNotCall.list,
    now: Date.now(),
  });
  if (!result.ok) throw new CliError(result.error);
  out.write(result.csv);
  return 0;
}

const isEntryPoint = process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (isEntryPoint) {
  usePrivateUmask();
  runCli(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      process.stderr.write(`dialdesk: ${error instanceof Error ? error.stack : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
