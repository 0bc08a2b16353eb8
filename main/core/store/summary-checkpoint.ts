import { closeSync, fstatSync, openSync } from 'node:fs';
import { OUTCOMES, type Outcome } from '../../../shared/domain.js';
import type { BandStats, LeadRotationState } from '../../../shared/schedule.js';
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
 * one giant string to write; so each lead is one positional tuple.
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
}

export const CHECKPOINT_SCHEMA_VERSION = 3;

/** Rotation fields in tuple order; `leadId` is the tuple's own key. Adding a field means a new schema version. */
const ROTATION_FIELDS = [
  'status',
  'doNotCallSince',
  'bandTries',
  'attempts',
  'cadenceAttempts',
  'cadenceStartedAt',
  'lastAttemptAt',
  'unansweredVoicemails',
  'promise',
  'promisesKept',
  'promisesBroken',
] as const satisfies ReadonlyArray<Exclude<keyof LeadRotationState, 'leadId'>>;
// Fails to compile when LeadRotationState gains a field the tuple does not carry.
type MissingRotationField = Exclude<keyof LeadRotationState, 'leadId' | (typeof ROTATION_FIELDS)[number]>;
const everyRotationField: [MissingRotationField] extends [never] ? true : false = true;
void everyRotationField;

type SummaryTuple = [
  id: string,
  attempts: number,
  conversations: number,
  voicemails: number,
  lastAttemptAt: string | null,
  lastOutcome: number,
  months: string,
  optedOut: 0 | 1,
  rotation: unknown[] | null,
];

function encode(id: string, s: StoredSummary): SummaryTuple {
  return [
    id,
    s.attempts,
    s.conversations,
    s.voicemails,
    s.lastAttemptAt,
    s.lastOutcome === null ? -1 : OUTCOMES.indexOf(s.lastOutcome),
    s.months.join(','),
    s.optedOut ? 1 : 0,
    s.rotation && ROTATION_FIELDS.map((field) => s.rotation![field]),
  ];
}

const OUTCOME_COUNT = OUTCOMES.length;
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const isTimeOrNull = (v: unknown): v is number | null => v === null || typeof v === 'number';
const isCounts = (v: unknown): v is number[] => Array.isArray(v) && v.every(isCount);

/**
 * One tuple back into a summary, or null when it is not the shape `encode`
 * writes. Checked field by field, by hand: this runs 100,000 times on every
 * start, and a bad tuple only means the cache is rebuilt from the logs.
 */
function decode(tuple: unknown, month: (m: string) => string): [string, StoredSummary] | null {
  if (!Array.isArray(tuple) || tuple.length !== 9) return null;
  const [id, attempts, conversations, voicemails, lastAttemptAt, outcome, months, optedOut, rotation] = tuple as unknown[];
  if (typeof id !== 'string' || !isCount(attempts) || !isCount(conversations) || !isCount(voicemails)) return null;
  if (!(lastAttemptAt === null || typeof lastAttemptAt === 'string') || typeof months !== 'string') return null;
  if (!(typeof outcome === 'number' && Number.isInteger(outcome) && outcome >= -1 && outcome < OUTCOME_COUNT)) return null;
  if (optedOut !== 0 && optedOut !== 1) return null;
  let state: LeadRotationState | null = null;
  if (rotation !== null) {
    state = decodeRotation(id, rotation);
    if (!state) return null;
  }
  return [
    id,
    {
      attempts,
      conversations,
      voicemails,
      lastAttemptAt,
      lastOutcome: outcome < 0 ? null : (OUTCOMES[outcome] as Outcome),
      months: months === '' ? [] : months.split(',').map(month),
      optedOut: optedOut === 1,
      rotation: state,
    },
  ];
}

const STATUSES: ReadonlySet<unknown> = new Set<LeadRotationState['status']>(['active', 'reached', 'bad-number', 'do-not-call']);

/** In ROTATION_FIELDS order; an object literal, since this is the hottest loop of opening the store. */
function decodeRotation(leadId: string, r: unknown): LeadRotationState | null {
  if (!Array.isArray(r) || r.length !== ROTATION_FIELDS.length) return null;
  const [status, doNotCallSince, bandTries, attempts, cadenceAttempts, cadenceStartedAt, lastAttemptAt, unanswered, promise, kept, broken] = r as unknown[];
  if (!STATUSES.has(status) || !isTimeOrNull(doNotCallSince) || !isCounts(bandTries) || !isCount(attempts) || !isCount(cadenceAttempts)) return null;
  if (!isTimeOrNull(cadenceStartedAt) || !isTimeOrNull(lastAttemptAt) || !isCount(unanswered) || !isCount(kept) || !isCount(broken)) return null;
  if (promise !== null) {
    const p = promise as { at?: unknown; attemptId?: unknown };
    if (typeof p !== 'object' || typeof p.at !== 'number' || typeof p.attemptId !== 'string') return null;
  }
  return {
    leadId,
    status: status as LeadRotationState['status'],
    doNotCallSince,
    bandTries,
    attempts,
    cadenceAttempts,
    cadenceStartedAt,
    lastAttemptAt,
    unansweredVoicemails: unanswered,
    promise: promise as LeadRotationState['promise'],
    promisesKept: kept,
    promisesBroken: broken,
  };
}

const isNumberRecord = (v: unknown): v is Record<string, number> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every(isCount);

/**
 * Null when missing, unreadable, of an older version or not of the shape
 * written below: the caller rebuilds from the logs. One of a newer version
 * throws NewerDataError instead, so an older app neither uses nor replaces it.
 *
 * Read line by line (the writer puts one lead per line), so 22 MB of JSON
 * never becomes one string nor one giant array before it is decoded.
 */
export function readCheckpoint(path: string): Checkpoint | null {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return null;
  }
  try {
    return readLines(fd);
  } finally {
    closeSync(fd);
  }
}

function readLines(fd: number): Checkpoint | null {
  const all = lines(fd, 0, fstatSync(fd).size);
  const first = all.next();
  if (first.done) return null;
  const version = /^\{"schemaVersion":(\d+)/.exec(first.value.text);
  if (version && Number(version[1]) > CHECKPOINT_SCHEMA_VERSION) throw new NewerDataError('state.json', Number(version[1]));
  if (!version || Number(version[1]) !== CHECKPOINT_SCHEMA_VERSION || !first.value.text.endsWith(HEAD_END)) return null;
  let head: { offsets?: unknown; bandStats?: { dials?: unknown; conversations?: unknown }; foldKey?: unknown };
  try {
    head = JSON.parse(`${first.value.text.slice(0, -HEAD_END.length)}}`);
  } catch {
    return null;
  }
  const { offsets, bandStats, foldKey } = head;
  if (!isNumberRecord(offsets) || !bandStats || !isCounts(bandStats.dials) || !isCounts(bandStats.conversations)) return null;
  if (typeof foldKey !== 'string') return null;
  // One shared string per month name instead of one per lead.
  const months = new Map<string, string>();
  const month = (m: string) => months.get(m) ?? (months.set(m, m), m);
  const summaries = new Map<string, StoredSummary>();
  for (const { text } of all) {
    if (text === FOOT) {
      return { schemaVersion: CHECKPOINT_SCHEMA_VERSION, offsets, bandStats: { dials: bandStats.dials, conversations: bandStats.conversations }, foldKey, summaries };
    }
    let tuple: unknown;
    try {
      tuple = JSON.parse(text.endsWith(',') ? text.slice(0, -1) : text);
    } catch {
      return null;
    }
    const entry = decode(tuple, month);
    if (!entry) return null;
    summaries.set(entry[0], entry[1]);
  }
  // Cut off before its closing line.
  return null;
}

const HEAD_END = ',"summaries":[';
const FOOT = ']}';

/**
 * Written in batches (see writeAtomically): a checkpoint never holds the
 * event loop or one huge string. The summaries are immutable values, so the
 * entries taken up front stay consistent while it is written.
 */
export async function writeCheckpoint(path: string, checkpoint: Checkpoint): Promise<void> {
  const head = { schemaVersion: CHECKPOINT_SCHEMA_VERSION, offsets: checkpoint.offsets, bandStats: checkpoint.bandStats, foldKey: checkpoint.foldKey };
  const entries = [...checkpoint.summaries];
  function* lines(): Generator<string> {
    yield `${JSON.stringify(head).slice(0, -1)}${HEAD_END}\n`;
    for (let i = 0; i < entries.length; i++) {
      yield `${JSON.stringify(encode(...entries[i]))}${i < entries.length - 1 ? ',' : ''}\n`;
    }
    yield `${FOOT}\n`;
  }
  await writeAtomically(path, lines());
}
