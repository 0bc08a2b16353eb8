/**
 * `check NUMBER [--at ISO] [--json]`, `rules [--json]`, `log NUMBER --outcome O
 * --at ISO` and `dnc import FILE | dnc add NUMBER | dnc list`: the app's dial
 * gate, the law it applies and the do-not-call list from the command line,
 * for support answering a complaint, for admins syncing a list, and for calls
 * made outside Dialdesk (a desk phone, the CRM's dialler) that the caps and
 * the rotation must count.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { OUTCOMES, type Attempt, type Outcome } from '../../shared/domain.js';
import { leadName } from '../../shared/lead-name.js';
import type { DialGate } from '../core/calling/dial-gate.js';
import { JURISDICTIONS, summarize } from '../core/compliance/jurisdiction-rules.js';
import type { LeadStore } from '../core/store/lead-store.js';
import { buildAttempt } from '../core/store/build-attempt.js';
import { ApiFailure } from '../core/api/api-failure.js';
import { csvLine } from '../core/leads/csv-line.js';
import { decodeText } from '../core/text/decode-text.js';
import type { DoNotCallStore } from '../core/schedule/do-not-call-store.js';
import { parseDoNotCallCsv } from '../core/schedule/do-not-call.js';
import type { SettingsStore } from '../core/settings/settings-store.js';
import { parsePhone } from '../core/timezones/phone-zones.js';

/** A problem the user can fix (bad number, missing file); printed without a stack, exit code 1. */
export class GateCliError extends Error {}

export interface CheckCommandInput {
  gate: DialGate;
  settings: SettingsStore;
  number: string | undefined;
  at: string | undefined;
  json: boolean;
  out: NodeJS.WritableStream;
}

/** Exit 0 whether allowed or refused: the verdict is the answer, not an error. */
export async function checkCommand(input: CheckCommandInput): Promise<number> {
  if (!input.number) throw new GateCliError('check needs a NUMBER, e.g. check +12125550147.');
  const parsed = parsePhone(input.number, input.settings.get().defaultCountry);
  if (!parsed?.isValid()) throw new GateCliError(`"${input.number}" is not a valid phone number (write it as +1 212 555 0147).`);
  let at = Date.now();
  if (input.at !== undefined) {
    at = Date.parse(input.at);
    if (!/^\d{4}-\d{2}-\d{2}T/.test(input.at) || Number.isNaN(at)) {
      throw new GateCliError(`--at "${input.at}" is not an ISO time such as 2026-03-10T11:00:00Z.`);
    }
  }
  const verdict = await input.gate.checkNumber(parsed.number, { at });
  if (input.json) {
    const { allowed, reason, leadId, zones, localTime, legal } = verdict;
    input.out.write(`${JSON.stringify({ allowed, reason, leadId, zones, localTime, number: verdict.number, owners: verdict.owners, legal })}\n`);
    return 0;
  }
  const law = `${verdict.legal.allowed ? 'allows' : 'forbids'} (${verdict.legal.jurisdiction ?? 'unplaced'}): ${verdict.legal.rule} — ${verdict.legal.source}`;
  const owner = verdict.owners.length > 0 ? verdict.owners.map((o) => `${o.name} (${o.id})`).join(', ') : 'no lead';
  input.out.write(
    [
      `${verdict.number}: ${verdict.allowed ? 'ALLOWED' : 'REFUSED'}`,
      `  reason:     ${verdict.reason}`,
      `  the law:    ${law}`,
      `  lead:       ${owner}`,
      `  zones:      ${verdict.zones.join(', ') || 'none known'}`,
      `  local time: ${verdict.localTime ?? 'unknown'}`,
      `  checked at: ${new Date(at).toISOString()}`,
      '',
    ].join('\n'),
  );
  return 0;
}

/** Every jurisdiction's rules with their sources (countries without an entry: 8:00–21:00). */
export function rulesCommand(json: boolean, out: NodeJS.WritableStream): number {
  const rules = JURISDICTIONS.map(summarize);
  if (json) {
    out.write(`${JSON.stringify({ jurisdictions: rules, elsewhere: { hours: '08:00–21:00', note: 'Every country without an entry' } })}\n`);
    return 0;
  }
  const spans = (list: Array<{ start: string; end: string }>) => (list.length === 0 ? 'no calls' : list.map((s) => `${s.start}–${s.end}`).join(', '));
  for (const r of rules) {
    out.write(`${r.code.padEnd(6)} ${r.name}${r.parent ? ` (and ${r.parent}'s rules)` : ''}\n`);
    out.write(`       weekdays ${spans(r.hours.weekday)}; Saturdays ${spans(r.hours.saturday)}; Sundays ${spans(r.hours.sunday)}  [${r.hours.source}]\n`);
    if (r.hours.sundaySource !== r.hours.source) out.write(`       Sundays: [${r.hours.sundaySource}]\n`);
    if (r.holidays) out.write(`       no calls on public holidays (${r.holidays.calendar})  [${r.holidays.source}]\n`);
    for (const cap of r.caps) out.write(`       at most ${cap.calls} calls to a person in ${cap.windowHours} hours  [${cap.source}]\n`);
    if (r.note) out.write(`       ${r.note}\n`);
  }
  out.write('Elsewhere: 8:00–21:00 local time. Settings may make any jurisdiction stricter, never looser.\n');
  return 0;
}

export interface LogCommandInput {
  store: LeadStore;
  settings: SettingsStore;
  number: string | undefined;
  outcome: string | undefined;
  at: string | undefined;
  note: string | undefined;
  now: number;
  out: NodeJS.WritableStream;
  err: NodeJS.WritableStream;
}

/**
 * Records a call made outside Dialdesk on the lead that owns the number. The caps and the rotation count it
 * like any other attempt; a number no lead owns is refused (an attempt must land on a person's history).
 */
export async function logCommand(input: LogCommandInput): Promise<number> {
  if (!input.number) throw new GateCliError('log needs a NUMBER, e.g. log +12125550147 --outcome no-answer --at 2026-03-10T15:00:00Z.');
  const parsed = parsePhone(input.number, input.settings.get().defaultCountry);
  if (!parsed?.isValid()) throw new GateCliError(`"${input.number}" is not a valid phone number (write it as +1 212 555 0147).`);
  if (!input.outcome || !(OUTCOMES as readonly string[]).includes(input.outcome)) {
    throw new GateCliError(`log needs --outcome, one of: ${OUTCOMES.join(', ')}.`);
  }
  const at = input.at === undefined ? input.now : Date.parse(input.at);
  if (input.at !== undefined && (!/^\d{4}-\d{2}-\d{2}T/.test(input.at) || Number.isNaN(at))) {
    throw new GateCliError(`--at "${input.at}" is not an ISO time such as 2026-03-10T11:00:00Z.`);
  }
  const owners = input.store.leadsWithNumber(parsed.number);
  const mainOwners = owners.filter((lead) => lead.phone === parsed.number);
  const lead = mainOwners.length === 1 ? mainOwners[0] : owners.length === 1 ? owners[0] : null;
  if (!lead) {
    const name = (l: (typeof owners)[number]) => `${leadName(l) || l.company} (${l.id})`;
    throw new GateCliError(
      owners.length === 0
        ? `No lead has the number ${parsed.number}: import or add the lead first, then log the call.`
        : `${parsed.number} belongs to several leads (${owners.map(name).join(', ')}); log the call in the app on the right lead.`,
    );
  }
  let attempt: Attempt;
  try {
    attempt = buildAttempt(
      { id: randomUUID(), leadId: lead.id, outcome: input.outcome as Outcome, startedAt: new Date(at).toISOString(), recordedAt: new Date(input.now).toISOString(), endedAt: null, source: 'manual', sipStatus: null },
      // A message left from another phone read no Dialdesk script and pinned no promise Dialdesk knows of.
      { note: input.note ?? '', scriptId: null, scriptVersion: null, promisedFor: null },
      { scriptShown: () => ({ scriptId: null, scriptVersion: null }), spokenPromise: () => null },
    );
  } catch (error) {
    if (error instanceof ApiFailure) throw new GateCliError(`log: ${error.message}`);
    throw error;
  }
  await input.store.recordAttempt(attempt);
  // A time ahead of this machine's clock is kept as given (another system's clock, a scheduled import), and said.
  if (at > input.now + 60_000) input.err.write(`Note: ${attempt.startedAt} is later than this machine's clock; it is recorded as given.\n`);
  input.out.write(`Logged ${attempt.outcome} at ${attempt.startedAt} on ${leadName(lead) || lead.company} (${lead.id}).\n`);
  return 0;
}

export interface DncCommandInput {
  doNotCall: DoNotCallStore;
  settings: SettingsStore;
  action: string | undefined;
  file: string | undefined;
  reason?: string;
  out: NodeJS.WritableStream;
  /** An opt-out added by hand, for the team's list (team mode). */
  onAdded?(number: string, reason: string): Promise<void>;
}

export async function dncCommand(input: DncCommandInput): Promise<number> {
  const { doNotCall, out } = input;
  if (input.action === 'list') {
    out.write(csvLine(['number', 'source', 'added_at']));
    for (const e of doNotCall.entries()) out.write(csvLine([e.number, e.source, e.addedAt]));
    return 0;
  }
  if (input.action === 'add') {
    const parsed = input.file ? parsePhone(input.file, input.settings.get().defaultCountry) : undefined;
    if (!parsed?.isValid()) throw new GateCliError(`dnc add needs a valid NUMBER${input.file ? `; "${input.file}" is not one` : ''}.`);
    const added = await doNotCall.add([parsed.number], input.reason ? `added by hand: ${input.reason}` : 'added by hand');
    if (input.onAdded) {
      await input.onAdded(parsed.number, input.reason ?? 'added by hand');
      out.write(`${parsed.number} goes to your team's do-not-call list with the next sync.\n`);
    }
    out.write(added > 0 ? `${parsed.number} is on the do-not-call list; it will not be dialled.\n` : `${parsed.number} was already on the do-not-call list.\n`);
    return 0;
  }
  if (input.action !== 'import') throw new GateCliError('dnc needs "import FILE", "add NUMBER [--reason TEXT]" or "list".');
  if (!input.file) throw new GateCliError('dnc import needs a FILE.');
  let bytes: Buffer;
  try {
    bytes = readFileSync(input.file);
  } catch (error) {
    throw new GateCliError(`Cannot read ${input.file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const parsed = parseDoNotCallCsv(decodeText(bytes).text, input.settings.get().defaultCountry);
  if (parsed.numbers.length === 0) {
    throw new GateCliError(`${input.file} holds no valid phone numbers${parsed.rejected.length > 0 ? ` (${parsed.rejected.length} cells were not valid numbers)` : ''}.`);
  }
  const wasDamaged = doNotCall.damage !== null;
  const added = await doNotCall.add(parsed.numbers, input.file);
  out.write(`Imported ${parsed.numbers.length} numbers from ${input.file} (${added} new); the list holds ${doNotCall.entries().length}.\n`);
  if (wasDamaged) out.write('The damaged do-not-call list is replaced by this import: dialling may resume.\n');
  for (const r of parsed.rejected.slice(0, 50)) out.write(`  row ${r.row}: "${r.value}" ${r.reason}\n`);
  if (parsed.rejected.length > 50) out.write(`  … and ${parsed.rejected.length - 50} more rejected cells\n`);
  return 0;
}
