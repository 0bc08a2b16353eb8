import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { InboundCall } from '../../../shared/domain.js';
import { JsonlLog, type OnBadLine } from './jsonl-log.js';
import { inboundRecordSchema } from './record-schemas.js';

/** How many recent inbound calls stay in memory for the returns list; older ones stay on disk. */
const RECENT = 1_000;

/**
 * Every inbound call, answered or not, one line each in `inbound/YYYY-MM.jsonl`:
 * none is dropped silently, and the returns slot reads the recent ones.
 */
export class InboundLog {
  private readonly logs = new Map<string, JsonlLog<InboundCall>>();
  private readonly recentCalls: InboundCall[] = [];
  /** Recorded, not yet on disk (appends run off the event loop). */
  private readonly unwritten = new Set<InboundCall>();

  /** `onBadLine`: where a call that cannot be read is set aside (the store's quarantine); without it a bad line refuses to open. */
  constructor(
    private readonly dir: string,
    private readonly onBadLine?: OnBadLine,
  ) {
    mkdirSync(dir, { recursive: true });
    const months = readdirSync(dir)
      .filter((name) => /^\d{4}-\d{2}\.jsonl$/.test(name))
      .sort();
    for (const name of months.slice(-2)) {
      for (const { record } of this.logFor(name.slice(0, 7)).readFrom(0)) this.remember(record);
    }
  }

  /**
   * Appends one call without blocking the event loop (a flood of inbound calls must not stall
   * main); resolves with its month and the log's length after it once it is on disk (for folds
   * that track offsets). It is in `recent()` at once.
   */
  async record(call: InboundCall): Promise<{ month: string; end: number }> {
    const month = call.receivedAt.slice(0, 7);
    const log = this.logFor(month);
    this.remember(call);
    this.unwritten.add(call);
    try {
      const end = await log.appendAsync(call);
      return { month, end };
    } finally {
      this.unwritten.delete(call);
    }
  }

  /** Resolves when every recorded call is on disk. */
  async flushed(): Promise<void> {
    for (const log of this.logs.values()) await log.flushed();
  }

  /** Every call after the given offsets (month → byte offset; months not named from their start), oldest month first. */
  *since(offsets: Record<string, number>): Generator<{ call: InboundCall; month: string; end: number }> {
    for (const month of this.months()) {
      for (const { record, end } of this.logFor(month).readFrom(offsets[month] ?? 0)) yield { call: record, month, end };
    }
  }

  /** Every call, oldest month first (history screen, CSV export), including those still being written. */
  *all(): Generator<InboundCall> {
    // Read in one synchronous pass: no write can complete between the disk and the unwritten ones.
    const unwritten = [...this.unwritten];
    for (const { call } of this.since({})) yield call;
    yield* unwritten;
  }

  private months(): string[] {
    return readdirSync(this.dir)
      .filter((name) => /^\d{4}-\d{2}\.jsonl$/.test(name))
      .map((name) => name.slice(0, 7))
      .sort();
  }

  /** Newest first. */
  recent(): InboundCall[] {
    return [...this.recentCalls].reverse();
  }

  close(): void {
    for (const log of this.logs.values()) log.close();
  }

  private remember(call: InboundCall): void {
    this.recentCalls.push(call);
    if (this.recentCalls.length > RECENT) this.recentCalls.shift();
  }

  private logFor(month: string): JsonlLog<InboundCall> {
    let log = this.logs.get(month);
    if (!log) {
      log = JsonlLog.open(join(this.dir, `${month}.jsonl`), inboundRecordSchema, this.onBadLine);
      this.logs.set(month, log);
    }
    return log;
  }
}
