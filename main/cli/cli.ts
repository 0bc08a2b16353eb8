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
import { openLeadStore } from '../core/store/open-store.js';
import { computeStats, formatStats } from './stats-command.js';
import { planCommand } from './plan-command.js';
import { DoNotCallStore } from '../core/schedule/do-not-call-store.js';
import { NO_ZONES } from '../core/timezones/resolve-lead-zones.js';
import type { Settings } from '../../shared/domain.js';

const USAGE = `Usage: dialdesk <command> [options]

Commands:
  import FILE [--country US] [--report F]
                                    import leads from a CRM CSV export; --report writes every rejected row as CSV
  export leads|attempts [--out F]   write CSV (standard output by default)
  stats                             print totals: leads, dials, conversations, promises
  plan [--from ISO] [--days N]      planned attempts as CSV (lead_id,phone,time_zone,planned_at,band,promised)

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
  const dataDir = values['data-dir'] ?? defaultDataDir();
  const settings = createConfSettings(dataDir);
  const opened = await openLeadStore(dataDir, new Date(), { log: (m) => err.write(`${m}\n`) });
  if (!opened.store) {
    err.write(`${opened.status.state === 'error' ? opened.status.message : 'The store could not be opened.'}\n`);
    return 1;
  }
  const store = opened.store;
  try {
    switch (command) {
      case 'import':
        return await importCommand(store, rest[0], { country: values.country ?? settings.get().defaultCountry, report: values.report }, out, err);
      case 'export':
        return await exportCommand(store, rest[0], values.out, out);
      case 'stats':
        out.write(formatStats(computeStats(store, settings.get().schedule, Date.now())));
        return 0;
      case 'plan':
        return await planCliCommand(
          store,
          settings.get(),
          [...(values.from ? ['--from', values.from] : []), ...(values.days ? ['--days', values.days] : [])],
          dataDir,
          out,
        );
      default:
        throw new CliError(`Unknown command "${command}".\n\n${USAGE}`);
    }
  } catch (error) {
    if (error instanceof CliError || error instanceof CsvFileError || error instanceof MappingError) {
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
  const report = await importLeads(store, bytes, file, { defaultCountry: options.country.toUpperCase(), now: new Date(), onProgress: progress.update });
  progress.end();
  out.write(`Imported ${report.imported} of ${report.total} rows from ${file}.\n`);
  if (report.rejected.length > 0) {
    out.write(`${report.rejected.length} rows were not imported:\n`);
    for (const r of report.rejected.slice(0, REJECTED_ROWS_PRINTED)) out.write(`  row ${r.row}: ${r.reason}${r.excerpt ? ` (${r.excerpt})` : ''}\n`);
    const more = report.rejected.length - REJECTED_ROWS_PRINTED;
    if (more > 0) out.write(`  … and ${more} more${options.report ? '' : ' (--report FILE writes them all)'}\n`);
  }
  if (options.report) {
    await writeChunks([csvLine(['row', 'reason', 'excerpt']), ...report.rejected.map((r) => csvLine([r.row, r.reason, r.excerpt]))], options.report, out);
    out.write(`Wrote the ${report.rejected.length} rejected rows to ${options.report}.\n`);
  }
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
    update(done: number, total: number): void {
      const text = `${label}: ${done.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} rows`;
      const tenth = Math.floor((10 * done) / Math.max(1, total));
      if (tty) err.write(`\r${text}`);
      else if (tenth !== lastTenth) err.write(`${text}\n`);
      lastTenth = tenth;
    },
    end(): void {
      if (tty && lastTenth !== -1) err.write('\n');
    },
  };
}

async function exportCommand(store: LeadStore, kind: string | undefined, file: string | undefined, out: NodeJS.WritableStream): Promise<number> {
  if (kind !== 'leads' && kind !== 'attempts') throw new CliError('export needs "leads" or "attempts".');
  await writeChunks(kind === 'leads' ? exportLeadsCsv(store) : exportAttemptsCsv(store), file, out);
  return 0;
}

/** Streams text to FILE, or to standard output without one, minding back-pressure. */
async function writeChunks(chunks: Iterable<string>, file: string | undefined, out: NodeJS.WritableStream): Promise<void> {
  const fileStream = file ? createWriteStream(file) : null;
  const target = fileStream ?? out;
  for (const chunk of chunks) {
    if (!target.write(chunk)) await once(target, 'drain');
  }
  if (fileStream) {
    await new Promise<void>((resolve, reject) => {
      fileStream.once('error', reject);
      fileStream.end(() => resolve());
    });
  }
}

async function planCliCommand(store: LeadStore, settings: Settings, args: string[], dataDir: string, out: NodeJS.WritableStream): Promise<number> {
  const doNotCall = await DoNotCallStore.open(dataDir, new Date());
  const result = planCommand({
    args,
    leads: [...store.allLeads()].map((lead) => ({
      lead: { ...lead, doNotCall: lead.doNotCall || store.summaryOf(lead.id).optedOut },
      state: store.rotationOf(lead.id),
      zones: lead.zones ?? NO_ZONES,
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
