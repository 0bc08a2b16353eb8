/**
 * `check NUMBER [--at ISO] [--json]` and `dnc import FILE | dnc list`: the
 * app's dial gate and do-not-call list from the command line, for support
 * answering a complaint and for admins syncing a list.
 */
import { readFileSync } from 'node:fs';
import type { DialGate } from '../core/calling/dial-gate.js';
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
    const { allowed, reason, leadId, zones, localTime } = verdict;
    input.out.write(`${JSON.stringify({ allowed, reason, leadId, zones, localTime, number: verdict.number, owners: verdict.owners })}\n`);
    return 0;
  }
  const owner = verdict.owners.length > 0 ? verdict.owners.map((o) => `${o.name} (${o.id})`).join(', ') : 'no lead';
  input.out.write(
    [
      `${verdict.number}: ${verdict.allowed ? 'ALLOWED' : 'REFUSED'}`,
      `  reason:     ${verdict.reason}`,
      `  lead:       ${owner}`,
      `  zones:      ${verdict.zones.join(', ') || 'none known'}`,
      `  local time: ${verdict.localTime ?? 'unknown'}`,
      `  checked at: ${new Date(at).toISOString()}`,
      '',
    ].join('\n'),
  );
  return 0;
}

export interface DncCommandInput {
  doNotCall: DoNotCallStore;
  settings: SettingsStore;
  action: string | undefined;
  file: string | undefined;
  out: NodeJS.WritableStream;
}

export async function dncCommand(input: DncCommandInput): Promise<number> {
  const { doNotCall, out } = input;
  if (input.action === 'list') {
    out.write(csvLine(['number', 'source', 'added_at']));
    for (const e of doNotCall.entries()) out.write(csvLine([e.number, e.source, e.addedAt]));
    return 0;
  }
  if (input.action !== 'import') throw new GateCliError('dnc needs "import FILE" or "list".');
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
