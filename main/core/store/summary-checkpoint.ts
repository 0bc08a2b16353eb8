import { readFileSync } from 'node:fs';
import { OUTCOMES, type Outcome } from '../../../shared/domain.js';
import type { BandStats, LeadRotationState } from '../../../shared/schedule.js';
import type { FoldSnapshot } from './history-fold.js';
import type { StoredSummary } from './lead-summary.js';
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
  /** The history fold (the stats) as of the same offsets, plus how far the inbound logs are folded. */
  stats: FoldSnapshot;
}

/** 4: the stats fold joined the checkpoint. */
export const CHECKPOINT_SCHEMA_VERSION = 4;

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
  'notBefore',
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

function decode(tuple: SummaryTuple, month: (m: string) => string): [string, StoredSummary] {
  const [id, attempts, conversations, voicemails, lastAttemptAt, outcome, months, optedOut, rotation] = tuple;
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
      // `notBefore` is set only on leads worked again; absent stays absent.
      rotation:
        rotation &&
        (Object.fromEntries([['leadId', id], ...ROTATION_FIELDS.flatMap((f, i) => (f === 'notBefore' && rotation[i] == null ? [] : [[f, rotation[i]]]))]) as LeadRotationState),
    },
  ];
}

/** Null when missing, unreadable or of another version: the caller rebuilds from the logs. */
export function readCheckpoint(path: string): Checkpoint | null {
  let raw: {
    schemaVersion?: number;
    offsets?: Record<string, number>;
    bandStats?: BandStats;
    foldKey?: string;
    stats?: FoldSnapshot;
    summaries?: SummaryTuple[];
  };
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
  if (raw?.schemaVersion !== CHECKPOINT_SCHEMA_VERSION || !raw.offsets || !raw.bandStats || !raw.stats || !Array.isArray(raw.summaries)) return null;
  // One shared string per month name instead of one per lead.
  const months = new Map<string, string>();
  const month = (m: string) => months.get(m) ?? (months.set(m, m), m);
  return {
    schemaVersion: raw.schemaVersion,
    offsets: raw.offsets,
    bandStats: raw.bandStats,
    foldKey: raw.foldKey ?? '',
    stats: raw.stats,
    summaries: new Map(raw.summaries.map((tuple) => decode(tuple, month))),
  };
}

/**
 * Written in batches (see writeAtomically): a checkpoint never holds the
 * event loop or one huge string. The summaries are immutable values, so the
 * entries taken up front stay consistent while it is written.
 */
export async function writeCheckpoint(path: string, checkpoint: Checkpoint): Promise<void> {
  const head = {
    schemaVersion: CHECKPOINT_SCHEMA_VERSION,
    offsets: checkpoint.offsets,
    bandStats: checkpoint.bandStats,
    foldKey: checkpoint.foldKey,
    stats: checkpoint.stats,
  };
  const entries = [...checkpoint.summaries];
  function* lines(): Generator<string> {
    yield `${JSON.stringify(head).slice(0, -1)},"summaries":[\n`;
    for (let i = 0; i < entries.length; i++) {
      yield `${JSON.stringify(encode(...entries[i]))}${i < entries.length - 1 ? ',' : ''}\n`;
    }
    yield ']}\n';
  }
  await writeAtomically(path, lines());
}
