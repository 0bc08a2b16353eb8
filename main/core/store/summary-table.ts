import type { StoredSummary } from './lead-summary.js';
import type { CheckpointRows } from './summary-checkpoint.js';

/**
 * Every lead's summary: those read from the checkpoint are built on first use (see
 * CheckpointRows), those folded or asked for since are kept as objects. To the store it is a map.
 * One map holds both: a lead's row in the checkpoint until its summary is built, then the summary.
 */
export class SummaryTable implements Iterable<[string, StoredSummary]> {
  private byId = new Map<string, StoredSummary | number>();
  private rows: CheckpointRows | null = null;

  /** Starts from a checkpoint's rows; what was there before is dropped. */
  load(rows: CheckpointRows): void {
    this.clear();
    this.rows = rows;
    for (let row = 0; row < rows.ids.length; row++) this.byId.set(rows.ids[row], row);
  }

  get(id: string): StoredSummary | undefined {
    const entry = this.byId.get(id);
    if (typeof entry !== 'number') return entry;
    const built = this.rows!.at(entry);
    this.byId.set(id, built);
    return built;
  }

  set(id: string, summary: StoredSummary): void {
    this.byId.set(id, summary);
  }

  clear(): void {
    // A new map, not cleared: a snapshot may still read the old one.
    this.byId = new Map();
    this.rows = null;
  }

  get size(): number {
    return this.byId.size;
  }

  /** Every summary; those not built yet are built for the caller and not kept (a checkpoint write reads each once). */
  *[Symbol.iterator](): Generator<[string, StoredSummary]> {
    for (const [id, entry] of this.byId) yield [id, typeof entry === 'number' ? this.rows!.at(entry) : entry];
  }

  /** A copy that later changes to this table do not reach (summaries are immutable values; the rows never change). */
  snapshot(): SummaryTable {
    const copy = new SummaryTable();
    copy.byId = new Map(this.byId);
    copy.rows = this.rows;
    return copy;
  }
}
