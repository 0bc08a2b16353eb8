import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { InboundCall } from '../../../shared/domain.js';
import { JsonlLog } from './jsonl-log.js';
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

  constructor(private readonly dir: string) {
    mkdirSync(dir, { recursive: true });
    const months = readdirSync(dir)
      .filter((name) => /^\d{4}-\d{2}\.jsonl$/.test(name))
      .sort();
    for (const name of months.slice(-2)) {
      for (const { record } of this.logFor(name.slice(0, 7)).readFrom(0)) this.remember(record);
    }
  }

  record(call: InboundCall): void {
    this.logFor(call.receivedAt.slice(0, 7)).append(call);
    this.remember(call);
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
      log = JsonlLog.open(join(this.dir, `${month}.jsonl`), inboundRecordSchema);
      this.logs.set(month, log);
    }
    return log;
  }
}
