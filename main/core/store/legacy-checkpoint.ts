/**
 * The checkpoint of Dialdesk versions up to 6 (`state.json`, JSON columns), read once after an
 * upgrade so the first open does not rebuild every summary from the logs (seconds to minutes, the
 * wait issue 22 is about); the next checkpoint is written as `state.bin` and this file removed.
 * Read only, and frozen: the reader of the version that wrote it, trimmed to reading.
 */
import { closeSync, fstatSync, openSync } from 'node:fs';
import { OUTCOMES, type Outcome } from '../../../shared/domain.js';
import type { BandStats, LeadRotationState } from '../../../shared/schedule.js';
import type { FoldSnapshot } from './history-fold.js';
import type { StoredSummary } from './lead-summary.js';
import { lines } from './line-chunks.js';
import { isBandStats, isNumberRecord, learningTablesOf, type CheckpointRows } from './summary-checkpoint.js';

const LEGACY_VERSION = 6;

export interface LegacyCheckpoint {
  offsets: Record<string, number>;
  summaries: Map<string, StoredSummary>;
  bandStats: BandStats;
  foldKey: string;
  stats: FoldSnapshot;
}

/** Rotation fields of version 6, each one column. */
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
] as const;
// Fails to compile when LeadRotationState gains a field the columns do not carry.

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
const STATUSES: ReadonlySet<unknown> = new Set<LeadRotationState['status'] | null>([null, 'active', 'reached', 'bad-number', 'do-not-call']);
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
  'rotation.attempts': isCount,
  'rotation.cadenceAttempts': isCount,
  'rotation.cadenceStartedAt': isTimeOrNull,
  'rotation.lastAttemptAt': isTimeOrNull,
  'rotation.unansweredVoicemails': isCount,
  'rotation.promise': isPromiseOrNull,
  'rotation.promisesKept': isCount,
  'rotation.promisesBroken': isCount,
};


const HEAD_END = ',"columns":[';
const FOOT = ']}';

export function readLegacyCheckpoint(path: string): LegacyCheckpoint | null {
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

function readColumns(fd: number): LegacyCheckpoint | null {
  const all = lines(fd, 0, fstatSync(fd).size);
  const first = all.next();
  if (first.done) return null;
  const version = /^\{"schemaVersion":(\d+)/.exec(first.value.text);
  if (!version || Number(version[1]) !== LEGACY_VERSION || !first.value.text.endsWith(HEAD_END)) return null;
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
  return { offsets, bandStats: learningTablesOf(bandStats), foldKey, stats: stats as FoldSnapshot, summaries: summariesFrom(columns, count, months as string[]) };
}

/** The columns, already checked, back into one summary (and rotation state) per lead. */
function summariesFrom(columns: unknown[][], count: number, monthNames: string[]): Map<string, StoredSummary> {
  const [ids, attempts, conversations, voicemails, lastAttemptAt, lastOutcome, months, optedOut, ...r] = columns as [
    string[], number[], number[], number[], (string | null)[], number[], unknown[][], number[], ...unknown[][],
  ];
  const [status, doNotCallSince, bandTries, bandAnswers, rAttempts, cadenceAttempts, cadenceStartedAt, rLastAttemptAt, unanswered, promise, kept, broken, notBefore] = r;
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


/** The legacy summaries as checkpoint rows (built already, so each row is its summary). */
export function legacyRows(summaries: Map<string, StoredSummary>): CheckpointRows {
  const ids = [...summaries.keys()];
  const values = [...summaries.values()];
  return { ids, at: (row) => values[row] };
}
