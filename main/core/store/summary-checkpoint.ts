import { Low } from 'lowdb';
import { DataFile } from 'lowdb/node';
import type { BandStats } from '../../../shared/schedule.js';
import type { StoredSummary } from './lead-summary.js';

/**
 * `state.json`: everything derived from the attempt logs (per-lead summaries)
 * as of known byte offsets in those logs. It only saves time at start-up: if
 * it is missing or unreadable the store rebuilds it from the logs, which are
 * the truth.
 */
export interface Checkpoint {
  schemaVersion: number;
  /** Month (`YYYY-MM`) → byte offset up to which that log is folded in. */
  offsets: Record<string, number>;
  summaries: Record<string, StoredSummary>;
  /** The rep's dials and conversations per band, over all leads. */
  bandStats: BandStats;
  /** The schedule settings the rotation states were folded with; a change means refolding. */
  foldKey: string;
}

export const CHECKPOINT_SCHEMA_VERSION = 2;

export const emptyCheckpoint = (): Checkpoint => ({
  schemaVersion: CHECKPOINT_SCHEMA_VERSION,
  offsets: {},
  summaries: {},
  bandStats: { dials: [], conversations: [] },
  foldKey: '',
});

export async function readCheckpoint(path: string): Promise<Checkpoint | null> {
  const db = new Low<Checkpoint | null>(new DataFile<Checkpoint | null>(path, { parse: JSON.parse, stringify: JSON.stringify }), null);
  try {
    await db.read();
  } catch {
    return null;
  }
  const data = db.data;
  if (!data || data.schemaVersion !== CHECKPOINT_SCHEMA_VERSION || typeof data.offsets !== 'object') return null;
  return data;
}

export async function writeCheckpoint(path: string, checkpoint: Checkpoint): Promise<void> {
  const db = new Low<Checkpoint>(new DataFile<Checkpoint>(path, { parse: JSON.parse, stringify: JSON.stringify }), checkpoint);
  await db.write();
}
