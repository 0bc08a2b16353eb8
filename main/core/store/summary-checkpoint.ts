/**
 * The store's checkpoint (`state.bin`): every lead's summary and rotation state, the rep's
 * connect counts and the stats fold, as of known log offsets. Over 300 lines because the
 * format's write, read and per-column checks must change together (a column added in one and
 * not the others is a corrupt file), and opening 100,000 leads in a second depends on all three.
 */
import { readFileSync } from 'node:fs';
import { deserialize, serialize } from 'node:v8';
import { OUTCOMES, type Outcome } from '../../../shared/domain.js';
import type { BandStats, LeadRotationState } from '../../../shared/schedule.js';
import type { FoldSnapshot } from './history-fold.js';
import type { StoredSummary } from './lead-summary.js';
import { NewerDataError } from './store-error.js';
import { writeAtomically } from './write-atomically.js';

/**
 * Everything derived from the attempt logs (per-lead summaries and rotation states, band
 * statistics) as of known byte offsets in those logs. It only saves time at start-up: if it is
 * missing or unreadable the store rebuilds it from the logs, which are the truth.
 */
export interface Checkpoint {
  schemaVersion: number;
  /** Month (`YYYY-MM`) → byte offset up to which that log is folded in. */
  offsets: Record<string, number>;
  /** Every lead's summary (written: any iterable of entries with its size, such as the store's lazy table). */
  summaries: Iterable<[string, StoredSummary]> & { readonly size: number };
  /** The rep's dials and conversations per band, over all leads. */
  bandStats: BandStats;
  /** The schedule settings the rotation states were folded with; a change means refolding. */
  foldKey: string;
  /** The history fold (the stats) as of the same offsets, plus how far the inbound logs are folded. */
  stats: FoldSnapshot;
}

/** The file's name in the data folder; `state.json` is what versions up to 6 wrote (by then JSON columns). */
export const CHECKPOINT_FILE = 'state.bin';
export const LEGACY_CHECKPOINT_FILE = 'state.json';

/** 7: binary columns (typed arrays through v8.serialize) in state.bin; up to 6 JSON columns in state.json. 8: `recentAttemptsAt` (legal call caps). */
export const CHECKPOINT_SCHEMA_VERSION = 8;

/**
 * How a column is kept. Numbers go into typed arrays, which v8.deserialize restores as one copy
 * of bytes (a JSON array of 100,000 numbers is 100,000 values to parse, check and collect):
 * - `count`: a whole number ≥ 0 (Uint32Array); absent → 0
 * - `time`: epoch ms or null (Float64Array, null and absent as NaN)
 * - `counts`: a list of counts or null (the lists one after another in a Uint32Array, with a
 *   Int32Array of lengths, -1 for null)
 * - `any`: any structured-clonable value, in a plain array checked value by value. A new field
 *   of any shape can start here and move to a typed kind if its reading shows in the profile.
 */
type Kind = 'count' | 'time' | 'counts' | 'any';

interface Field {
  kind: Kind;
  /** For `any`: what every value (of a lead that has a rotation state) must be. */
  check?: (v: unknown) => boolean;
  /** An optional field of LeadRotationState: null and absent are both read back as absent. */
  optional?: boolean;
}

/** A list of epoch-ms times, or null. */
export function isTimesOrNull(v: unknown): boolean {
  if (v === null) return true;
  if (!Array.isArray(v)) return false;
  for (let i = 0; i < v.length; i++) if (typeof v[i] !== 'number' || !Number.isFinite(v[i])) return false;
  return true;
}

const STATUSES: ReadonlySet<unknown> = new Set<LeadRotationState['status'] | null>([null, 'active', 'reached', 'bad-number', 'closed', 'do-not-call']);
function isPromiseOrNull(v: unknown): boolean {
  if (v === null) return true;
  const p = v as { at?: unknown; attemptId?: unknown };
  return typeof p === 'object' && typeof p.at === 'number' && typeof p.attemptId === 'string';
}

/**
 * Every field of LeadRotationState but `leadId` (the row's id), one column each. To carry a new
 * field, add one line here (the compile check below fails until it is) and bump the version; an
 * optional one is then written and read with no other change. A list of epoch-ms times (say the
 * last few attempts, for a legal call cap) would be `{ kind: 'any', check: isTimesOrNull, optional: true }`.
 */
const ROTATION_FIELDS = {
  status: { kind: 'any', check: (v) => STATUSES.has(v) },
  doNotCallSince: { kind: 'time' },
  bandTries: { kind: 'counts' },
  bandAnswers: { kind: 'counts', optional: true },
  attempts: { kind: 'count' },
  cadenceAttempts: { kind: 'count' },
  cadenceStartedAt: { kind: 'time' },
  lastAttemptAt: { kind: 'time' },
  unansweredVoicemails: { kind: 'count' },
  promise: { kind: 'any', check: isPromiseOrNull },
  promisesKept: { kind: 'count' },
  promisesBroken: { kind: 'count' },
  notBefore: { kind: 'time', optional: true },
  recentAttemptsAt: { kind: 'any', check: isTimesOrNull, optional: true },
} as const satisfies Record<Exclude<keyof LeadRotationState, 'leadId'>, Field>;
type RotationField = keyof typeof ROTATION_FIELDS;
// Fails to compile when LeadRotationState gains a field the columns do not carry.
type MissingRotationField = Exclude<keyof LeadRotationState, 'leadId' | RotationField>;
const everyRotationField: [MissingRotationField] extends [never] ? true : false = true;
void everyRotationField;
const ROTATION_NAMES = Object.keys(ROTATION_FIELDS) as RotationField[];

/** The summary's own columns; `months` are indexes into the head's month names. */
const SUMMARY_FIELDS = {
  id: { kind: 'any', check: (v) => typeof v === 'string' && v.length > 0 },
  attempts: { kind: 'count' },
  conversations: { kind: 'count' },
  voicemails: { kind: 'count' },
  lastAttemptAt: { kind: 'any', check: (v) => v === null || typeof v === 'string' },
  /** Index into OUTCOMES + 1 (0: none). */
  lastOutcome: { kind: 'count' },
  months: { kind: 'counts' },
  optedOut: { kind: 'count' },
} as const satisfies Record<string, Field>;
type SummaryField = keyof typeof SUMMARY_FIELDS;

/**
 * The file: a 16-byte header, then sections, each a 4-byte length and a v8.serialize'd value:
 *
 *   "DDSTATE\0"  u32 version  u32 sections
 *   head         {offsets, bandStats, foldKey, stats, count, months}
 *   column …     one per SUMMARY_FIELDS, then one per ROTATION_FIELDS, in their order
 *
 * A column of a kind with two arrays (counts) is one section holding both. The file is written
 * through writeAtomically (temp file, fsync, rename), so a reader sees a whole file or the old one;
 * any section that does not decode to what it must be makes the whole checkpoint unusable (null),
 * and the store rebuilds from the logs.
 */
const MAGIC = Buffer.from('DDSTATE\0', 'latin1');
const HEADER_BYTES = 16;

type Column = { field: string; spec: Field; value: (id: string, s: StoredSummary) => unknown };

const COLUMNS: Column[] = [
  ...(Object.entries(SUMMARY_FIELDS) as [SummaryField, Field][]).map(([field, spec]) => ({ field, spec, value: summaryValue(field) })),
  ...ROTATION_NAMES.map((field) => ({ field: `rotation.${field}`, spec: ROTATION_FIELDS[field] as Field, value: (_id: string, s: StoredSummary) => s.rotation?.[field] })),
];

function summaryValue(field: SummaryField): (id: string, s: StoredSummary) => unknown {
  switch (field) {
    case 'id':
      return (id) => id;
    case 'lastOutcome':
      return (_id, s) => (s.lastOutcome === null ? 0 : OUTCOMES.indexOf(s.lastOutcome) + 1);
    case 'optedOut':
      return (_id, s) => (s.optedOut ? 1 : 0);
    case 'months':
      // Written by writeCheckpoint as indexes into the head's month names.
      return (_id, s) => s.months;
    default:
      return (_id, s) => s[field];
  }
}

/**
 * One column built row by row into what is serialized: numbers straight into typed arrays, so a
 * write reads each summary once and keeps none of them (see writeCheckpoint).
 */
interface ColumnBuilder {
  put(row: number, value: unknown): void;
  result(): unknown;
}

function columnBuilder(kind: Kind, n: number): ColumnBuilder {
  switch (kind) {
    case 'count': {
      const out = new Uint32Array(n);
      return { put: (row, v) => void (out[row] = (v as number | undefined) ?? 0), result: () => out };
    }
    case 'time': {
      const out = new Float64Array(n);
      return { put: (row, v) => void (out[row] = (v as number | null | undefined) ?? NaN), result: () => out };
    }
    case 'counts': {
      const lengths = new Int32Array(n);
      let flat = new Uint32Array(Math.max(16, n * 2));
      let total = 0;
      return {
        put: (row, v) => {
          const list = v as readonly number[] | null | undefined;
          lengths[row] = list ? list.length : -1;
          if (!list) return;
          if (total + list.length > flat.length) {
            const grown = new Uint32Array(Math.max(flat.length * 2, total + list.length));
            grown.set(flat.subarray(0, total));
            flat = grown;
          }
          for (let k = 0; k < list.length; k++) flat[total++] = list[k];
        },
        // A copy of exactly the values written (a view would serialize the whole buffer).
        result: () => ({ lengths, flat: flat.slice(0, total) }),
      };
    }
    case 'any': {
      // Pushed, rows coming in order: an array made with its length is holey, which v8.serialize writes as a
      // sparse array (key by key) and reads back slower.
      const out: unknown[] = [];
      return { put: (_row, v) => void out.push(v === undefined ? null : v), result: () => out };
    }
  }
}

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
function isCounts(v: unknown): v is number[] {
  if (!Array.isArray(v)) return false;
  for (let i = 0; i < v.length; i++) if (!isCount(v[i])) return false;
  return true;
}

/** A decoded column: value i (null where the kind keeps none), and whether it is null without building it. */
interface Decoded {
  at(i: number): unknown;
  isNull(i: number): boolean;
}

/**
 * One section back into a column, every value checked at once (a typed array in one tight loop);
 * null when the section is not of its kind and length, or a value is over `max`.
 */
function decode(kind: Kind, raw: unknown, count: number, check?: (v: unknown) => boolean, max = Infinity): Decoded | null {
  switch (kind) {
    case 'count': {
      if (!(raw instanceof Uint32Array) || raw.length !== count) return null;
      if (max !== Infinity) for (let i = 0; i < count; i++) if (raw[i] > max) return null;
      return { at: (i) => raw[i], isNull: () => false };
    }
    case 'time':
      return raw instanceof Float64Array && raw.length === count ? { at: (i) => (Number.isNaN(raw[i]) ? null : raw[i]), isNull: (i) => Number.isNaN(raw[i]) } : null;
    case 'counts': {
      const { lengths, flat } = (raw ?? {}) as { lengths?: unknown; flat?: unknown };
      if (!(lengths instanceof Int32Array) || !(flat instanceof Uint32Array) || lengths.length !== count) return null;
      const starts = new Uint32Array(count);
      let total = 0;
      for (let i = 0; i < count; i++) {
        starts[i] = total;
        if (lengths[i] < -1) return null;
        if (lengths[i] > 0) total += lengths[i];
      }
      if (total !== flat.length) return null;
      if (max !== Infinity) for (let k = 0; k < flat.length; k++) if (flat[k] > max) return null;
      return {
        at: (i) => {
          if (lengths[i] < 0) return null;
          // A plain array (the fold replaces and compares them as arrays), filled by a loop: Array.from on a view is slower.
          const list = new Array<number>(lengths[i]);
          for (let k = 0, at = starts[i]; k < list.length; k++, at++) list[k] = flat[at];
          return list;
        },
        isNull: (i) => lengths[i] < 0,
      };
    }
    case 'any': {
      if (!Array.isArray(raw) || raw.length !== count) return null;
      if (check) for (let i = 0; i < count; i++) if (!check(raw[i])) return null;
      return { at: (i) => raw[i], isNull: (i) => raw[i] === null };
    }
  }
}

/**
 * Null when missing, unreadable, of an older version or not of the shape written below: the
 * caller rebuilds from the logs. One of a newer version throws NewerDataError instead, so an
 * older app neither uses nor replaces it.
 */
export function readCheckpoint(path: string): CheckpointRead | null {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    return null;
  }
  if (bytes.length < HEADER_BYTES || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) return null;
  const version = bytes.readUInt32LE(8);
  if (version > CHECKPOINT_SCHEMA_VERSION) throw new NewerDataError(CHECKPOINT_FILE, version);
  if (version !== CHECKPOINT_SCHEMA_VERSION || bytes.readUInt32LE(12) !== COLUMNS.length + 1) return null;
  try {
    return readSections(bytes);
  } catch {
    // A section v8 cannot deserialize: damaged.
    return null;
  }
}

function readSections(bytes: Buffer): CheckpointRead | null {
  let at = HEADER_BYTES;
  const next = (): unknown => {
    if (at + 4 > bytes.length) throw new Error('cut off');
    const length = bytes.readUInt32LE(at);
    if (at + 4 + length > bytes.length) throw new Error('cut off');
    const value = deserialize(bytes.subarray(at + 4, at + 4 + length));
    at += 4 + length;
    return value;
  };
  const head = next() as { offsets?: unknown; bandStats?: unknown; foldKey?: unknown; stats?: unknown; count?: unknown; months?: unknown } | null;
  if (typeof head !== 'object' || head === null) return null;
  const { offsets, bandStats, foldKey, stats, count, months } = head;
  // The stats fold checks its own snapshot when it restores it (main/core/stats); here it must at least be there.
  if (typeof stats !== 'object' || stats === null) return null;
  if (!isNumberRecord(offsets) || !isBandStats(bandStats)) return null;
  if (typeof foldKey !== 'string' || !isCount(count)) return null;
  if (!Array.isArray(months) || !months.every((m) => typeof m === 'string')) return null;

  // The highest value a column may hold, where its kind alone does not say.
  const maxOf: Record<string, number> = { lastOutcome: OUTCOMES.length, optedOut: 1, months: months.length - 1 };
  const columns: Decoded[] = [];
  for (const column of COLUMNS) {
    const read = decode(column.spec.kind, next(), count, column.spec.check, maxOf[column.field]);
    if (!read) return null;
    columns.push(read);
  }
  // Trailing bytes: not a file this version wrote.
  if (at !== bytes.length) return null;
  const rows = rowsFrom(columns, count, months as string[]);
  if (!rows) return null;
  const base = { schemaVersion: CHECKPOINT_SCHEMA_VERSION, offsets, bandStats: learningTablesOf(bandStats), foldKey, stats: stats as FoldSnapshot, rows };
  return Object.defineProperty(base, 'summaries', { get: () => new Map(rows.ids.map((id, row) => [id, rows.at(row)])), enumerable: true }) as CheckpointRead;
}

/**
 * The summaries of a checkpoint, each built only when first asked for: opening needs none of them
 * (the lead list shows one page, the planner asks as it plans), and building 100,000 summaries and
 * rotation states up front was a third of the open and most of its garbage.
 */
export interface CheckpointRows {
  /** Row → lead id. */
  ids: string[];
  /** A new summary (and rotation state) of the lead in `row`. */
  at(row: number): StoredSummary;
}

/** What readCheckpoint gives: the checkpoint, its summaries by row, and (built on access, for tools and tests) all of them as a map. */
export type CheckpointRead = Omit<Checkpoint, 'summaries'> & { summaries: Map<string, StoredSummary>; rows: CheckpointRows };

/** The rows over the checked columns; null when a lead with a rotation state lacks its band tries. */
function rowsFrom(columns: Decoded[], count: number, monthNames: string[]): CheckpointRows | null {
  const [id, attempts, conversations, voicemails, lastAttemptAt, lastOutcome, months, optedOut, ...r] = columns;
  const [status, doNotCallSince, bandTries, rAttempts, cadenceAttempts, cadenceStartedAt, rLastAttemptAt, unanswered, promise, kept, broken] = (
    ['status', 'doNotCallSince', 'bandTries', 'attempts', 'cadenceAttempts', 'cadenceStartedAt', 'lastAttemptAt', 'unansweredVoicemails', 'promise', 'promisesKept', 'promisesBroken'] as const
  ).map((field) => r[ROTATION_NAMES.indexOf(field)]);
  // Every optional field, whatever it is: set on the state when the lead has it (a new optional field needs only its line in ROTATION_FIELDS).
  const optional = ROTATION_NAMES.filter((field) => (ROTATION_FIELDS[field] as Field).optional).map((field) => ({ field, column: r[ROTATION_NAMES.indexOf(field)] }));
  const ids = new Array<string>(count);
  for (let i = 0; i < count; i++) {
    ids[i] = id.at(i) as string;
    // A lead that has a rotation state has its band tries.
    if (!status.isNull(i) && bandTries.isNull(i)) return null;
  }
  const at = (i: number): StoredSummary => {
    const leadMonths = months.at(i) as unknown as string[];
    // The list of indexes becomes the list of (shared) month names in place.
    for (let m = 0; m < leadMonths.length; m++) leadMonths[m] = monthNames[leadMonths[m] as unknown as number];
    let state: LeadRotationState | null = null;
    if (!status.isNull(i)) {
      // Built whole with every required field in one shape (fast to build, compact in memory), then the optional ones set.
      // A required field added to ROTATION_FIELDS must be read here too: the round-trip test sets every field and fails until it is.
      state = {
        leadId: ids[i],
        status: status.at(i) as LeadRotationState['status'],
        doNotCallSince: doNotCallSince.at(i) as number | null,
        bandTries: bandTries.at(i) as number[],
        attempts: rAttempts.at(i) as number,
        cadenceAttempts: cadenceAttempts.at(i) as number,
        cadenceStartedAt: cadenceStartedAt.at(i) as number | null,
        lastAttemptAt: rLastAttemptAt.at(i) as number | null,
        unansweredVoicemails: unanswered.at(i) as number,
        promise: promise.at(i) as LeadRotationState['promise'],
        promisesKept: kept.at(i) as number,
        promisesBroken: broken.at(i) as number,
      };
      for (let f = 0; f < optional.length; f++) {
        const { field, column } = optional[f];
        if (!column.isNull(i)) (state as unknown as Record<string, unknown>)[field] = column.at(i);
      }
    }
    const outcome = lastOutcome.at(i) as number;
    return {
      attempts: attempts.at(i) as number,
      conversations: conversations.at(i) as number,
      voicemails: voicemails.at(i) as number,
      lastAttemptAt: lastAttemptAt.at(i) as string | null,
      lastOutcome: outcome === 0 ? null : (OUTCOMES[outcome - 1] as Outcome),
      months: leadMonths,
      optedOut: optedOut.at(i) === 1,
      rotation: state,
    };
  };
  return { ids, at };
}

const isCountPair = (v: unknown): v is { dials: number[]; conversations: number[] } =>
  typeof v === 'object' && v !== null && isCounts((v as BandStats).dials) && isCounts((v as BandStats).conversations);

/** The rep's connect counts: per band, and (for the learning planner) per band and weekday and per zone. */
export function isBandStats(v: unknown): v is BandStats {
  if (!isCountPair(v)) return false;
  const { weekdayDials, weekdayConversations, segments, hourDials, hourConversations } = v as BandStats;
  if ([weekdayDials, weekdayConversations, hourDials, hourConversations].some((table) => table !== undefined && !isCounts(table))) return false;
  return segments === undefined || (typeof segments === 'object' && segments !== null && Object.values(segments).every(isCountPair));
}

/** Only the known tables, whatever else the file held. */
export function learningTablesOf(stats: BandStats): BandStats {
  const { dials, conversations, weekdayDials, weekdayConversations, segments, hourDials, hourConversations } = stats;
  return {
    dials,
    conversations,
    ...(weekdayDials ? { weekdayDials } : {}),
    ...(weekdayConversations ? { weekdayConversations } : {}),
    ...(segments ? { segments } : {}),
    ...(hourDials ? { hourDials } : {}),
    ...(hourConversations ? { hourConversations } : {}),
  };
}

export const isNumberRecord = (v: unknown): v is Record<string, number> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every(isCount);

/**
 * Written one section at a time (see writeAtomically): the summaries are immutable values, so
 * the table taken up front stays consistent while it is written. Each summary is read once, into
 * every column at the same time: the table builds a lead's summary from the last checkpoint's
 * rows only when asked, and reading all 100,000 into a list first held them all at once, which
 * was most of what a checkpoint write (every close) added to the store's peak memory.
 */
export async function writeCheckpoint(path: string, checkpoint: Checkpoint): Promise<void> {
  const count = checkpoint.summaries.size;
  const columns = COLUMNS.map((column) => columnBuilder(column.spec.kind, count));
  const monthsColumn = COLUMNS.findIndex((column) => column.field === 'months');
  // Months get a number as first seen; once all are known they are renumbered in sorted order.
  const monthNumber = new Map<string, number>();
  let row = 0;
  for (const [id, s] of checkpoint.summaries) {
    if (row === count) throw new Error('the summaries hold more leads than their size says');
    for (let c = 0; c < COLUMNS.length; c++) {
      if (c !== monthsColumn) {
        columns[c].put(row, COLUMNS[c].value(id, s));
        continue;
      }
      const numbers = new Array<number>(s.months.length);
      for (let m = 0; m < s.months.length; m++) {
        let number = monthNumber.get(s.months[m]);
        if (number === undefined) monthNumber.set(s.months[m], (number = monthNumber.size));
        numbers[m] = number;
      }
      columns[c].put(row, numbers);
    }
    row += 1;
  }
  if (row !== count) throw new Error('the summaries hold fewer leads than their size says');
  const months = [...monthNumber.keys()].sort();
  const sortedIndex = new Uint32Array(monthNumber.size);
  for (const [month, number] of monthNumber) sortedIndex[number] = months.indexOf(month);
  const monthValues = columns[monthsColumn].result() as { flat: Uint32Array };
  for (let k = 0; k < monthValues.flat.length; k++) monthValues.flat[k] = sortedIndex[monthValues.flat[k]];

  const head = { offsets: checkpoint.offsets, bandStats: checkpoint.bandStats, foldKey: checkpoint.foldKey, stats: checkpoint.stats, count, months };
  const section = (value: unknown): Buffer => {
    const body = serialize(value);
    const length = Buffer.allocUnsafe(4);
    length.writeUInt32LE(body.length);
    return Buffer.concat([length, body]);
  };
  function* sections(): Generator<Buffer> {
    const header = Buffer.alloc(HEADER_BYTES);
    MAGIC.copy(header);
    header.writeUInt32LE(CHECKPOINT_SCHEMA_VERSION, 8);
    header.writeUInt32LE(COLUMNS.length + 1, 12);
    yield header;
    yield section(head);
    for (let c = 0; c < COLUMNS.length; c++) yield section(c === monthsColumn ? monthValues : columns[c].result());
  }
  await writeAtomically(path, sections());
}
