import type { StoredSummary } from './lead-summary.js';
import type { CheckpointRows } from './summary-checkpoint.js';

/**
 * Every lead's summary: those read from the checkpoint are built on first use (see
 * CheckpointRows), those folded or asked for since are kept as objects. To the store it is a map.
 */
export class SummaryTable implements Iterable<[string, StoredSummary]> {
  private readonly built = new Map<string, StoredSummary>();
  /** Lead id → its row in the checkpoint, for leads whose summary has not been built yet. */
  private rowOf = new Map<string, number>();
  private rows: CheckpointRows | null = null;

  /** Starts from a checkpoint's rows; what was there before is dropped. */
  load(rows: CheckpointRows): void {
    this.clear();
    this.rows = rows;
    for (let row = 0; row < rows.ids.length; row++) this.rowOf.set(rows.ids[row], row);
  }

  get(id: string): StoredSummary | undefined {
    const summary = this.built.get(id);
    if (summary !== undefined || !this.rows) return summary;
    const row = this.rowOf.get(id);
    if (row === undefined) return undefined;
    const fresh = this.rows.at(row);
    this.built.set(id, fresh);
    this.rowOf.delete(id);
    return fresh;
  }

  set(id: string, summary: StoredSummary): void {
    this.built.set(id, summary);
    this.rowOf.delete(id);
  }

  clear(): void {
    this.built.clear();
    this.rowOf = new Map();
    this.rows = null;
  }

  get size(): number {
    return this.built.size + this.rowOf.size;
  }

  /** Every summary; those not built yet are built for the caller and not kept (a checkpoint write reads each once). */
  *[Symbol.iterator](): Generator<[string, StoredSummary]> {
    yield* this.built;
    const rows = this.rows;
    if (rows) for (const [id, row] of this.rowOf) yield [id, rows.at(row)];
  }

  /** A copy that later changes to this table do not reach (summaries are immutable values). */
  snapshot(): SummaryTable {
    const copy = new SummaryTable();
    for (const [id, summary] of this.built) copy.built.set(id, summary);
    copy.rowOf = new Map(this.rowOf);
    copy.rows = this.rows;
    return copy;
  }
}
