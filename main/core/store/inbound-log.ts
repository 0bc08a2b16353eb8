import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { InboundCall } from '../../../shared/domain.js';
import { JsonlLog } from './jsonl-log.js';

/** How many recent inbound calls stay in memory for the returns list; older ones stay on disk. */
const RECENT = 1_000;

/**
 * Every inbound call, answered or not, one line each in `inbound/YYYY-MM.jsonl`:
 * none is dropped silently, and the returns slot reads the recent ones.
 */
export class InboundLog {
  private readonly logs = new Map<string, JsonlLog<InboundCall>>();
  private readonly recentCalls: InboundCall[] = [];

  constructor(private readonly dir: string) {
    mkdirSync(dir, { recursive: true });
    const months = readdirSync(dir)
      .filter((name) => /^\d{4}-\d{2}\.jsonl$/.test(name))
      .sort();
    for (const name of months.slice(-2)) {
      for (const { record } of this.logFor(name.slice(0, 7)).readFrom(0)) this.remember(record);
    }
  }

  /** Appends one call; returns its month and the log's length after it (for folds that track offsets). */
  record(call: InboundCall): { month: string; end: number } {
    const month = call.receivedAt.slice(0, 7);
    const log = this.logFor(month);
    log.append(call);
    this.remember(call);
    return { month, end: log.byteLength };
  }

  /** Every call after the given offsets (month → byte offset; months not named from their start), oldest month first. */
  *since(offsets: Record<string, number>): Generator<{ call: InboundCall; month: string; end: number }> {
    for (const month of this.months()) {
      for (const { record, end } of this.logFor(month).readFrom(offsets[month] ?? 0)) yield { call: record, month, end };
    }
  }

  /** Every call, oldest month first (history screen, CSV export). */
  *all(): Generator<InboundCall> {
    for (const { call } of this.since({})) yield call;
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
      log = JsonlLog.open<InboundCall>(join(this.dir, `${month}.jsonl`));
      this.logs.set(month, log);
    }
    return log;
  }
}
