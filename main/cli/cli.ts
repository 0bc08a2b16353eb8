import { once } from 'node:events';
import { createWriteStream, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { csvLine } from '../core/leads/csv-line.js';
import { exportAttemptsCsv, exportLeadsCsv } from '../core/leads/export-csv.js';
import { importLeads, MappingError } from '../core/leads/import-leads.js';
import { CsvFileError } from '../core/leads/parse-csv.js';
import { createConfSettings } from '../core/settings/conf-settings.js';
import { defaultDataDir } from '../core/settings/default-data-dir.js';
import type { LeadStore } from '../core/store/lead-store.js';
import { lockDataDir, type DataDirLock } from '../core/store/data-dir-lock.js';
import { openLeadStore } from '../core/store/open-store.js';
import { StoreOpenError } from '../core/store/store-error.js';
import { computeStats, formatStats } from './stats-command.js';
import { planCommand } from './plan-command.js';
import { simulateCommand } from './simulate-command.js';
import { detectCommand, DetectInputError } from './detect-command.js';
import { DoNotCallStore } from '../core/schedule/do-not-call-store.js';
import { createDialGate, type DialGate } from '../core/calling/dial-gate.js';
import type { SettingsStore } from '../core/settings/settings-store.js';
import { NO_ZONES } from '../core/timezones/resolve-lead-zones.js';
import type { Settings } from '../../shared/domain.js';
import { checkCommand, dncCommand, GateCliError } from './gate-commands.js';

const USAGE = `Usage: dialdesk <command> [options]

Commands:
  import FILE [--country US] [--report F]
                                    import leads from a CRM CSV export; --report writes every rejected row as CSV
  export leads|attempts [--out F]   write CSV (standard output by default)
  stats                             print totals: leads, dials, conversations, promises
  plan [--from ISO] [--days N]      planned attempts as CSV (lead_id,phone,time_zone,planned_at,band,promised)
  check NUMBER [--at ISO] [--json]  the dial gate on a number: allowed or refused, and why
  dnc import FILE                   add a CSV of do-not-call numbers
  dnc list                          the do-not-call list as CSV (number,source,added_at)
  simulate --scenario FILE.json [--seed N] [--json]
                                    every planning strategy on a synthetic scenario (needs no data folder)
  detect FILE.wav                   the voicemail beep detector on a recording: one JSON line
         [--silence-after-greeting MS]  (verdict beep|human|silence-after-greeting|unknown, beep times, Hz)

Every command takes --data-dir DIR (default: the app's data folder, or $DIALDESK_DATA_DIR).`;

/** Raised for problems the user can fix; printed without a stack, exit code 1. */
class CliError extends Error {}

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
        json: { type: 'boolean' },
        'silence-after-greeting': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    err.write(`${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    (values.help ? out : err).write(`${USAGE}\n`);
    return values.help ? 0 : 2;
  }
  // The simulator draws its own world: it neither needs nor locks a data folder (--data-dir is accepted and unused).
  if (command === 'simulate') return simulateCommand({ scenario: values.scenario, seed: values.seed, json: values.json }, out, err);
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
    if (!(error instanceof StoreOpenError)) throw error;
    err.write(`${error.message}\n`);
    return 1;
  }
  try {
    return await runLocked(command, rest, values, dataDir, lock, out, err);
  } finally {
    lock.release();
  }
}

async function runLocked(
  command: string,
  rest: string[],
  values: { country?: string; out?: string; report?: string; from?: string; days?: string; at?: string; json?: boolean },
  dataDir: string,
  lock: DataDirLock,
  out: NodeJS.WritableStream,
  err: NodeJS.WritableStream,
): Promise<number> {
  const settings = createConfSettings(dataDir);
  if (settings.notice) err.write(`${settings.notice}\n`);
  const opened = await openLeadStore(dataDir, new Date(), { log: (m) => err.write(`${m}\n`), lock });
  if (!opened.store) {
    err.write(`${opened.status.state === 'error' ? opened.status.message : 'The store could not be opened.'}\n`);
    return 1;
  }
  const store = opened.store;
  try {
    const doNotCall = await DoNotCallStore.open(dataDir, new Date());
    // The app's own gate over this folder: `check`, and the do-not-call rule of every command.
    const gate = createDialGate({ store: () => store, settings, doNotCall, now: () => new Date() });
    const isDoNotCall = (lead: Parameters<DialGate['doNotCallReason']>[0]) => gate.doNotCallReason(lead) !== null;
    switch (command) {
      case 'import':
        return await importCommand(store, rest[0], { country: values.country ?? settings.get().defaultCountry, report: values.report }, out, err);
      case 'export':
        return await exportCommand(store, rest[0], values.out, out, isDoNotCall);
      case 'stats':
        out.write(formatStats(computeStats(store, settings.get().schedule, Date.now(), isDoNotCall)));
        return 0;
      case 'plan':
        return planCliCommand(
          store,
          settings,
          [...(values.from ? ['--from', values.from] : []), ...(values.days ? ['--days', values.days] : [])],
          doNotCall,
          out,
        );
      case 'check':
        return await checkCommand({ gate, settings, number: rest[0], at: values.at, json: values.json ?? false, out });
      case 'dnc':
        return await dncCommand({ doNotCall, settings, action: rest[0], file: rest[1], out });
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

/** Rejected rows printed to the terminal; the rest are counted (and all written with --report). */
const REJECTED_ROWS_PRINTED = 50;

async function importCommand(
  store: LeadStore,
  file: string | undefined,
  options: { country: string; report?: string },
  out: NodeJS.WritableStream,
  err: NodeJS.WritableStream,
): Promise<number> {
  if (!file) throw new CliError('import needs a FILE.');
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new CliError(`Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const progress = progressLine(err, `Importing ${file}`);
  // The full report is written as rows are rejected, so a broken file's million rejections never sit in memory.
  const reportFile = options.report ? createWriteStream(options.report) : null;
  reportFile?.write(csvLine(['row', 'reason', 'excerpt']));
  const report = await importLeads(store, bytes, file, {
    defaultCountry: options.country.toUpperCase(),
    now: new Date(),
    onProgress: progress.update,
    keepRejected: REJECTED_ROWS_PRINTED,
    onRejected: reportFile ? (r) => reportFile.write(csvLine([r.row, r.reason, r.excerpt])) : undefined,
  });
  progress.end();
  if (reportFile) await closeStream(reportFile);
  out.write(`Imported ${report.imported} of ${report.total} rows from ${file}.\n`);
  if (report.rejectedCount > 0) {
    out.write(`${report.rejectedCount} rows were not imported:\n`);
    for (const r of report.rejected) out.write(`  row ${r.row}: ${r.reason}${r.excerpt ? ` (${r.excerpt})` : ''}\n`);
    const more = report.rejectedCount - report.rejected.length;
    if (more > 0) out.write(`  … and ${more} more${options.report ? '' : ' (--report FILE writes them all)'}\n`);
  }
  if (options.report) out.write(`Wrote the ${report.rejectedCount} rejected rows to ${options.report}.\n`);
  if (report.imported === 0) {
    err.write(`Nothing was imported from ${file}.\n`);
    return 1;
  }
  return 0;
}

/** One progress line, rewritten in place on a terminal and printed once every tenth elsewhere (logs, CI). */
function progressLine(err: NodeJS.WritableStream, label: string) {
  const tty = (err as NodeJS.WriteStream).isTTY === true;
  let lastTenth = -1;
  return {
    update(rows: number, fraction: number): void {
      const text = `${label}: ${rows.toLocaleString('en-US')} rows read (${Math.floor(100 * fraction)}%)`;
      const tenth = Math.floor(10 * fraction);
      if (tty) err.write(`\r${text}`);
      else if (tenth !== lastTenth) err.write(`${text}\n`);
      lastTenth = tenth;
    },
    end(): void {
      if (tty && lastTenth !== -1) err.write('\n');
    },
  };
}

async function exportCommand(
  store: LeadStore,
  kind: string | undefined,
  file: string | undefined,
  out: NodeJS.WritableStream,
  isDoNotCall: (lead: Parameters<DialGate['doNotCallReason']>[0]) => boolean,
): Promise<number> {
  if (kind !== 'leads' && kind !== 'attempts') throw new CliError('export needs "leads" or "attempts".');
  await writeChunks(kind === 'leads' ? exportLeadsCsv(store, isDoNotCall) : exportAttemptsCsv(store), file, out);
  return 0;
}

/** Streams text to FILE, or to standard output without one, minding back-pressure. */
async function writeChunks(chunks: Iterable<string>, file: string | undefined, out: NodeJS.WritableStream): Promise<void> {
  const fileStream = file ? createWriteStream(file) : null;
  const target = fileStream ?? out;
  for (const chunk of chunks) {
    if (!target.write(chunk)) await once(target, 'drain');
  }
  if (fileStream) await closeStream(fileStream);
}

function closeStream(stream: NodeJS.WritableStream & { once(event: 'error', listener: (error: Error) => void): unknown }): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    stream.once('error', reject);
    stream.end(() => resolve());
  });
}

function planCliCommand(store: LeadStore, settingsStore: SettingsStore, args: string[], doNotCall: DoNotCallStore, out: NodeJS.WritableStream): number {
  const settings: Settings = settingsStore.get();
  const result = planCommand({
    args,
    leads: [...store.allLeads()].map((lead) => ({
      lead,
      state: store.rotationOf(lead.id),
      zones: lead.zones ?? NO_ZONES,
      optedOut: store.summaryOf(lead.id).optedOut,
    })),
    rep: settings,
    schedule: settings.schedule,
    bandStats: store.bandStats,
    doNotCallList: doNotCall.list,
    now: Date.now(),
  });
  if (!result.ok) throw new CliError(result.error);
  out.write(result.csv);
  return 0;
}

const isEntryPoint = process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (isEntryPoint) {
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
