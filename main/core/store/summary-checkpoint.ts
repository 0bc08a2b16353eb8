/**
 * state.json, the store's checkpoint: every lead's summary and rotation state,
 * the rep's connect counts and the stats fold, as of known log offsets.
 * Over 300 lines because the format's write, read and per-column checks must
 * change together (a column added in one and not the others is a corrupt
 * file), and opening 100,000 leads in under 1.5 s depends on all three.
 */
import { closeSync, fstatSync, openSync } from 'node:fs';
import { OUTCOMES, type Outcome } from '../../../shared/domain.js';
import type { BandStats, LeadRotationState } from '../../../shared/schedule.js';
import type { FoldSnapshot } from './history-fold.js';
import type { StoredSummary } from './lead-summary.js';
import { lines } from './line-chunks.js';
import { NewerDataError } from './store-error.js';
import { writeAtomically } from './write-atomically.js';

/**
 * `state.json`: everything derived from the attempt logs (per-lead summaries
 * and rotation states, band statistics) as of known byte offsets in those
 * logs. It only saves time at start-up: if it is missing or unreadable the
 * store rebuilds it from the logs, which are the truth.
 *
 * At 100,000 leads an object per lead with named keys is ~57 MB of JSON and
 * one giant string to write; so it is stored by column (see COLUMNS).
 */
export interface Checkpoint {
  schemaVersion: number;
  /** Month (`YYYY-MM`) → byte offset up to which that log is folded in. */
  offsets: Record<string, number>;
  summaries: Map<string, StoredSummary>;
  /** The rep's dials and conversations per band, over all leads. */
  bandStats: BandStats;
  /** The schedule settings the rotation states were folded with; a change means refolding. */
  foldKey: string;
  /** The history fold (the stats) as of the same offsets, plus how far the inbound logs are folded. */
  stats: FoldSnapshot;
}

/** 4: one column per line; 5: rotation states carry `bandAnswers` (the learning planner's per-lead answers per band); 6: the stats fold and a lead's `notBefore` (worked again later); 7: `recentAttemptsAt` (legal call caps). */
export const CHECKPOINT_SCHEMA_VERSION = 7;

/** Rotation fields, each one column; adding a field means a new schema version. */
const ROTATION_FIELDS = [
  'status',
  'doNotCallSince',
  'bandTries',
  'bandAnswers',
  'attempts',
  'cadenceAttempts',
  'cadenceStartedAt',
  'lastAttemptAt',
  'unansweredVoicemails',
  'promise',
  'promisesKept',
  'promisesBroken',
  'notBefore',
  'recentAttemptsAt',
] as const satisfies ReadonlyArray<Exclude<keyof LeadRotationState, 'leadId'>>;
// Fails to compile when LeadRotationState gains a field the columns do not carry.
type MissingRotationField = Exclude<keyof LeadRotationState, 'leadId' | (typeof ROTATION_FIELDS)[number]>;
const everyRotationField: [MissingRotationField] extends [never] ? true : false = true;
void everyRotationField;

/**
 * The file is one JSON object laid out one column per line:
 *
 *   {"schemaVersion":6,"offsets":{…},"bandStats":{…},"foldKey":"…","stats":{…},"count":N,"months":["2026-11",…],"columns":[
 *   ["lead-id",…],        ← N values each, in COLUMNS order
 *   [3,…],
 *   …
 *   ]}
 *
 * A lead's months are indexes into the head's `months`. Columns, not a tuple per lead: reading is then ~20 JSON.parse calls over
 * flat arrays instead of 100,000 over nested ones, and each column is
 * checked in one tight loop. Opening the store spends most of its time here
 * and in leads.json, so this layout is what keeps opening under 1.5 s.
 */
const COLUMNS = [
  'id',
  'attempts',
  'conversations',
  'voicemails',
  'lastAttemptAt',
  'lastOutcome',
  'months',
  'optedOut',
  ...ROTATION_FIELDS.map((field) => `rotation.${field}` as const),
] as const;

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const isTimeOrNull = (v: unknown) => v === null || typeof v === 'number';
const isStringOrNull = (v: unknown) => v === null || typeof v === 'string';
const isOutcomeIndex = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= -1 && v < OUTCOMES.length;
const isFlag = (v: unknown) => v === 0 || v === 1;
const STATUSES: ReadonlySet<unknown> = new Set<LeadRotationState['status'] | null>([null, 'active', 'reached', 'bad-number', 'closed', 'do-not-call']);
function isTimes(v: unknown): v is number[] {
  if (!Array.isArray(v)) return false;
  for (let i = 0; i < v.length; i++) if (typeof v[i] !== 'number') return false;
  return true;
}
function isCounts(v: unknown): v is number[] {
  if (!Array.isArray(v)) return false;
  for (let i = 0; i < v.length; i++) if (!isCount(v[i])) return false;
  return true;
}
function isPromiseOrNull(v: unknown): boolean {
  if (v === null) return true;
  const p = v as { at?: unknown; attemptId?: unknown };
  return typeof p === 'object' && typeof p.at === 'number' && typeof p.attemptId === 'string';
}

/** What every value of a column must be. A lead without a rotation state has `null` status and zeros. */
const COLUMN_CHECKS: Record<(typeof COLUMNS)[number], (v: unknown) => boolean> = {
  id: (v) => typeof v === 'string' && v.length > 0,
  attempts: isCount,
  conversations: isCount,
  voicemails: isCount,
  lastAttemptAt: isStringOrNull,
  lastOutcome: isOutcomeIndex,
  // Indexes into the head's list of month names (checked against its length in readColumns).
  months: isCounts,
  optedOut: isFlag,
  'rotation.status': (v) => STATUSES.has(v),
  'rotation.doNotCallSince': isTimeOrNull,
  'rotation.bandTries': isCounts,
  'rotation.bandAnswers': (v) => v === null || isCounts(v),
  'rotation.notBefore': isTimeOrNull,
  'rotation.recentAttemptsAt': (v) => v === null || isTimes(v),
  'rotation.attempts': isCount,
  'rotation.cadenceAttempts': isCount,
  'rotation.cadenceStartedAt': isTimeOrNull,
  'rotation.lastAttemptAt': isTimeOrNull,
  'rotation.unansweredVoicemails': isCount,
  'rotation.promise': isPromiseOrNull,
  'rotation.promisesKept': isCount,
  'rotation.promisesBroken': isCount,
};

function columnValue(column: (typeof COLUMNS)[number], id: string, s: StoredSummary, monthIndex: Map<string, number>): unknown {
  switch (column) {
    case 'id':
      return id;
    case 'lastOutcome':
      return s.lastOutcome === null ? -1 : OUTCOMES.indexOf(s.lastOutcome);
    case 'months':
      return s.months.map((month) => monthIndex.get(month));
    case 'optedOut':
      return s.optedOut ? 1 : 0;
    case 'attempts':
    case 'conversations':
    case 'voicemails':
    case 'lastAttemptAt':
      return s[column];
    default: {
      const field = column.slice('rotation.'.length) as (typeof ROTATION_FIELDS)[number];
      // An optional field that is absent is written as null, and read back as absent.
      if (s.rotation) return s.rotation[field] ?? null;
      if (field === 'bandAnswers' || field === 'notBefore' || field === 'recentAttemptsAt') return null;
      return field === 'bandTries' ? [] : field === 'status' || field === 'promise' || field.endsWith('At') || field === 'doNotCallSince' ? null : 0;
    }
  }
}

const HEAD_END = ',"columns":[';
const FOOT = ']}';
const VALUES_PER_CHUNK = 5_000;

/**
 * Null when missing, unreadable, of an older version or not of the shape
 * written below: the caller rebuilds from the logs. One of a newer version
 * throws NewerDataError instead, so an older app neither uses nor replaces it.
 */
export function readCheckpoint(path: string): Checkpoint | null {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return null;
  }
  try {
    return readColumns(fd);
  } finally {
    closeSync(fd);
  }
}

function readColumns(fd: number): Checkpoint | null {
  const all = lines(fd, 0, fstatSync(fd).size);
  const first = all.next();
  if (first.done) return null;
  const version = /^\{"schemaVersion":(\d+)/.exec(first.value.text);
  if (version && Number(version[1]) > CHECKPOINT_SCHEMA_VERSION) throw new NewerDataError('state.json', Number(version[1]));
  if (!version || Number(version[1]) !== CHECKPOINT_SCHEMA_VERSION || !first.value.text.endsWith(HEAD_END)) return null;
  let head: { offsets?: unknown; bandStats?: unknown; foldKey?: unknown; stats?: unknown; count?: unknown; months?: unknown };
  try {
    head = JSON.parse(`${first.value.text.slice(0, -HEAD_END.length)}}`);
  } catch {
    return null;
  }
  const { offsets, bandStats, foldKey, stats, count, months } = head;
  // The stats fold checks its own snapshot when it restores it (main/core/stats); here it must at least be there.
  if (typeof stats !== 'object' || stats === null) return null;
  if (!isNumberRecord(offsets) || !isBandStats(bandStats)) return null;
  if (typeof foldKey !== 'string' || !isCount(count)) return null;
  if (!Array.isArray(months) || !months.every((m) => typeof m === 'string')) return null;
  const isMonthIndex = (i: number) => i < months.length;

  const columns: unknown[][] = [];
  let ended = false;
  for (const { text } of all) {
    if (text === FOOT) {
      ended = true;
      break;
    }
    if (columns.length === COLUMNS.length) return null;
    let values: unknown;
    try {
      values = JSON.parse(text.endsWith(',') ? text.slice(0, -1) : text);
    } catch {
      return null;
    }
    const check = COLUMN_CHECKS[COLUMNS[columns.length]];
    if (!Array.isArray(values) || values.length !== count) return null;
    for (let i = 0; i < count; i++) if (!check(values[i])) return null;
    if (COLUMNS[columns.length] === 'months' && !(values as number[][]).every((indexes) => indexes.every(isMonthIndex))) return null;
    columns.push(values);
  }
  // Cut off, or a column missing.
  if (!ended || columns.length !== COLUMNS.length) return null;
  return { schemaVersion: CHECKPOINT_SCHEMA_VERSION, offsets, bandStats: learningTablesOf(bandStats), foldKey, stats: stats as FoldSnapshot, summaries: summariesFrom(columns, count, months as string[]) };
}

/** The columns, already checked, back into one summary (and rotation state) per lead. */
function summariesFrom(columns: unknown[][], count: number, monthNames: string[]): Map<string, StoredSummary> {
  const [ids, attempts, conversations, voicemails, lastAttemptAt, lastOutcome, months, optedOut, ...r] = columns as [
    string[], number[], number[], number[], (string | null)[], number[], unknown[][], number[], ...unknown[][],
  ];
  const [status, doNotCallSince, bandTries, bandAnswers, rAttempts, cadenceAttempts, cadenceStartedAt, rLastAttemptAt, unanswered, promise, kept, broken, notBefore, recentAttemptsAt] = r;
  const summaries = new Map<string, StoredSummary>();
  for (let i = 0; i < count; i++) {
    const id = ids[i];
    // The parsed array of indexes becomes the list of (shared) month names in place.
    const leadMonths = months[i];
    for (let m = 0; m < leadMonths.length; m++) leadMonths[m] = monthNames[leadMonths[m] as number];
    let rotation: LeadRotationState | null = null;
    if (status[i] !== null) {
      // Built whole, then the optional fields set: spreading a conditional object per lead costs a tenth of the open.
      rotation = {
        leadId: id,
        status: status[i] as LeadRotationState['status'],
        doNotCallSince: doNotCallSince[i] as number | null,
        bandTries: bandTries[i] as number[],
        attempts: rAttempts[i] as number,
        cadenceAttempts: cadenceAttempts[i] as number,
        cadenceStartedAt: cadenceStartedAt[i] as number | null,
        lastAttemptAt: rLastAttemptAt[i] as number | null,
        unansweredVoicemails: unanswered[i] as number,
        promise: promise[i] as LeadRotationState['promise'],
        promisesKept: kept[i] as number,
        promisesBroken: broken[i] as number,
      };
      if (bandAnswers[i] !== null) rotation.bandAnswers = bandAnswers[i] as number[];
      if (notBefore[i] !== null) rotation.notBefore = notBefore[i] as number;
      if (recentAttemptsAt[i] !== null) rotation.recentAttemptsAt = recentAttemptsAt[i] as number[];
    }
    summaries.set(id, {
      attempts: attempts[i],
      conversations: conversations[i],
      voicemails: voicemails[i],
      lastAttemptAt: lastAttemptAt[i],
      lastOutcome: lastOutcome[i] < 0 ? null : (OUTCOMES[lastOutcome[i]] as Outcome),
      months: leadMonths as string[],
      optedOut: optedOut[i] === 1,
      rotation,
    });
  }
  return summaries;
}

const isCountPair = (v: unknown): v is { dials: number[]; conversations: number[] } =>
  typeof v === 'object' && v !== null && isCounts((v as BandStats).dials) && isCounts((v as BandStats).conversations);

/** The rep's connect counts: per band, and (for the learning planner) per band and weekday and per zone. */
function isBandStats(v: unknown): v is BandStats {
  if (!isCountPair(v)) return false;
  const { weekdayDials, weekdayConversations, segments, hourDials, hourConversations } = v as BandStats;
  if ([weekdayDials, weekdayConversations, hourDials, hourConversations].some((table) => table !== undefined && !isCounts(table))) return false;
  return segments === undefined || (typeof segments === 'object' && segments !== null && Object.values(segments).every(isCountPair));
}

/** Only the known tables, whatever else the file held. */
function learningTablesOf(stats: BandStats): BandStats {
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

const isNumberRecord = (v: unknown): v is Record<string, number> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every(isCount);

/**
 * Written in batches (see writeAtomically): a checkpoint never holds the
 * event loop or one huge string. The summaries are immutable values, so the
 * entries taken up front stay consistent while it is written.
 */
export async function writeCheckpoint(path: string, checkpoint: Checkpoint): Promise<void> {
  const entries = [...checkpoint.summaries];
  const seen = new Set<string>();
  for (const [, s] of entries) for (const month of s.months) seen.add(month);
  const months = [...seen].sort();
  const monthIndex = new Map(months.map((month, i) => [month, i]));
  const head = { schemaVersion: CHECKPOINT_SCHEMA_VERSION, offsets: checkpoint.offsets, bandStats: checkpoint.bandStats, foldKey: checkpoint.foldKey, stats: checkpoint.stats, count: entries.length, months };
  function* chunks(): Generator<string> {
    yield `${JSON.stringify(head).slice(0, -1)}${HEAD_END}\n`;
    for (let c = 0; c < COLUMNS.length; c++) {
      yield '[';
      for (let from = 0; from < entries.length; from += VALUES_PER_CHUNK) {
        const values = entries.slice(from, from + VALUES_PER_CHUNK).map(([id, s]) => columnValue(COLUMNS[c], id, s, monthIndex));
        yield `${from > 0 ? ',' : ''}${JSON.stringify(values).slice(1, -1)}`;
      }
      yield c < COLUMNS.length - 1 ? '],\n' : ']\n';
    }
    yield `${FOOT}\n`;
  }
  await writeAtomically(path, chunks());
}
