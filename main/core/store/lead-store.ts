/*
 * Over 300 lines on purpose: LeadStore is the one owner of the data folder's
 * consistency (leads, logs, summaries, checkpoint, lock), and its open, record
 * and fold steps share private state; the parts that stand alone already live
 * beside it (jsonl-log, lead-snapshot, lead-summary, summary-checkpoint).
 */

import { closeSync, copyFileSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Attempt, InboundCall, Lead, LeadSummary } from '../../../shared/domain.js';
import { DEFAULT_SCHEDULE_SETTINGS, type BandStats, type LeadRotationState, type ScheduleSettings } from '../../../shared/schedule.js';
import { emptyLearningStats, foldAttempt, foldBandStatsInPlace, toMs, withLearningTables, withRecentCall } from '../rotation/rotation-state.js';
import { resolveLeadZones } from '../compliance/resolve-lead-zones.js';
import { lockDataDir, type DataDirLock } from './data-dir-lock.js';
import { InboundLog } from './inbound-log.js';
import { JsonlLog } from './jsonl-log.js';
import { NO_HISTORY_FOLD, type HistoryFold, type HistoryFoldFactory } from './history-fold.js';
import { LeadSnapshot } from './lead-snapshot.js';
import { mergeVoicemailCalls } from './merge-voicemail-calls.js';
import { emptySummary, foldAttemptIntoSummary, type StoredSummary } from './lead-summary.js';
import { SummaryTable } from './summary-table.js';
import { legacyRows, readLegacyCheckpoint } from './legacy-checkpoint.js';
import { attemptRecordSchema, isCertainlyAttempt } from './record-schemas.js';
import { NewerDataError, StoreOpenError } from './store-error.js';
import { QUARANTINE_DIR, Quarantine, rawBytesIfNeeded } from './quarantine.js';
import { RebuildMeter, type RebuildProgress } from './rebuild-progress.js';
import { CHECKPOINT_FILE, CHECKPOINT_SCHEMA_VERSION, LEGACY_CHECKPOINT_FILE, readCheckpoint, writeCheckpoint, type Checkpoint } from './summary-checkpoint.js';
import { fsyncDirectory, sweepTempFiles } from './write-atomically.js';

/**
 * The rep's leads and their whole attempt history.
 *
 * Layout of the data folder, chosen so recording an outcome never rewrites
 * a large file (lowdb rewrites its whole file on every write):
 *
 *   leads.json            lowdb: the leads themselves; rewritten on import/edit only
 *   attempts/YYYY-MM.jsonl append-only, one attempt per line, one file per month
 *   state.bin             checkpoint of per-lead summaries + how far each log is folded (binary columns)
 *   inbound/YYYY-MM.jsonl  append-only, every inbound call and how it was answered
 *   quarantine/<kind>.jsonl records that could not be read, set aside one by one (see quarantine.ts)
 *
 * Recording an outcome appends one line (write + fdatasync) and updates the
 * in-memory summary. Opening reads leads.json and state.bin and folds only
 * the log tail written since the checkpoint.
 */
export const STORE_FILES = ['leads.json', CHECKPOINT_FILE, LEGACY_CHECKPOINT_FILE, 'attempts', 'inbound', QUARANTINE_DIR] as const;

const CHECKPOINT_EVERY = 5_000;
/** Attempts folded between yields to the event loop during a refold. */
const REFOLD_SLICE = 20_000;

/** Where a fold writes: the live state, or a new one being built by refold(). */
interface FoldTarget {
  summaries: SummaryTable | Map<string, StoredSummary>;
  bandStats: BandStats;
  stats: HistoryFold;
}

export interface LeadStoreOptions {
  log?: (message: string) => void;
  /** Attempts between checkpoints (tests use small values). */
  checkpointEvery?: number;
  /** The schedule settings rotation states are folded with (Settings.schedule). */
  schedule?: () => ScheduleSettings;
  /** Country for numbers without a country code, when a lead's zones must be resolved. */
  defaultCountry?: () => string;
  /**
   * The data-folder lock, when the caller took it before opening anything
   * else (the core, the CLI); it stays the caller's to release. Without it
   * the store takes the lock itself and releases it on close.
   */
  lock?: DataDirLock;
  /** A fold over the history kept with the checkpoint (the rep's stats, main/core/stats). */
  historyFold?: HistoryFoldFactory;
  /** The rep's IANA zone: stats are bucketed by the rep's days, so a change refolds. */
  repTimeZone?: () => string;
  /** The clock records set aside and kept copies are stamped with. */
  now?: () => Date;
  /** How far a rebuild of the summaries has got, once it has run over a second (see rebuild-progress.ts). */
  progress?: (progress: RebuildProgress) => void;
}

/** Only these change what a fold produces (the rep's zone: the stats' days; which history fold); dial blocks or windows do not. */
const foldKeyOf = (schedule: ScheduleSettings, repZone: string, historyFold: string): string =>
  JSON.stringify([schedule.bands, schedule.cadenceDays, schedule.promiseToleranceMinutes, repZone, historyFold]);

export class LeadStore {
  private readonly leads = new Map<string, Lead>();
  /** Every number of every lead (main phone and other phones) → the leads that have it; the dial gate looks numbers up here. */
  private readonly leadIdsByNumber = new Map<string, string | string[]>();
  private readonly summaries = new SummaryTable();
  private bandStatsValue: BandStats = { dials: [], conversations: [] };
  private statsValue: HistoryFold;
  private refolding: Promise<void> | null = null;
  /** The fold key the current rotation states were built with (see foldKeyOf). */
  private foldedWith = '';
  private readonly logs = new Map<string, JsonlLog<Attempt>>();
  private attemptsSinceCheckpoint = 0;
  private pendingWrite: Promise<void> = Promise.resolve();
  private closed = false;
  /** Bumped on every change, so derived views (sorted lists) know when to recompute. */
  private leadsVersion = 0;
  private summariesVersion = 0;
  readonly inbound: InboundLog;
  /** What opening found and the rep should know, besides the records set aside (a leads.json cut off). */
  private readonly openNotices: string[] = [];

  private constructor(
    readonly dataDir: string,
    private readonly snapshot: LeadSnapshot,
    private readonly releaseLock: () => void,
    private readonly options: LeadStoreOptions,
    /** Records that could not be read, each set aside alone (leads, attempts, inbound calls). */
    readonly quarantine: Quarantine,
  ) {
    this.inbound = new InboundLog(join(dataDir, 'inbound'), quarantine.lineSink('inbound'));
    this.statsValue = this.newStats();
  }

  /** Throws StoreOpenError (`damaged`, `busy` or `newer`) when the data cannot be opened. */
  static async open(dataDir: string, options: LeadStoreOptions = {}): Promise<LeadStore> {
    const ownLock = options.lock ? null : lockDataDir(dataDir);
    const releaseLock = () => ownLock?.release();
    try {
      mkdirSync(join(dataDir, 'attempts'), { recursive: true });
      // Left by a writer killed mid-write; nobody else can be writing while we hold the lock.
      const swept = sweepTempFiles(dataDir);
      if (swept.length > 0) options.log?.(`removed unfinished temp files: ${swept.join(', ')}`);
      const leadsPath = join(dataDir, 'leads.json');
      const quarantine = Quarantine.open(dataDir, options.now);
      let opened: Awaited<ReturnType<typeof LeadSnapshot.open>>;
      try {
        opened = await LeadSnapshot.open(leadsPath, (bad) =>
          quarantine.setAside({ kind: 'lead', source: 'leads.json', line: bad.line, byte: bad.byte, reason: bad.reason, text: bad.text, ...rawBytesIfNeeded(bad.text, bad.bytes) }),
        );
      } catch (error) {
        if (error instanceof NewerDataError) throw error;
        throw new StoreOpenError(`leads.json cannot be read (${reasonOf(error)}).`, [leadsPath]);
      }
      const store = new LeadStore(dataDir, opened.snapshot, releaseLock, options, quarantine);
      for (const lead of opened.snapshot.data.leads) store.indexLead(lead);
      if (opened.cutOff) {
        // The leads up to the cut are read; the file as it was is kept, as a file damaged whole would be.
        const kept = keepDamagedCopy(dataDir, leadsPath, (options.now ?? (() => new Date()))());
        store.openNotices.push(
          `leads.json was cut off after ${opened.snapshot.data.leads.length.toLocaleString('en-US')} leads: those were kept, and the file as it was is in ${kept}.`,
        );
      }
      if (opened.migrated) options.log?.(`leads.json migrated to the current data version`);
      // The records set aside are in quarantine/ already: leads.json now holds only what was read.
      if (opened.migrated || opened.setAside > 0 || opened.cutOff) await store.persistLeads();
      await store.resolveMissingZones();
      if (await mergeVoicemailCalls(join(dataDir, 'attempts'), quarantine.lineSink('attempt'))) {
        options.log?.('attempt history migrated: answered calls followed by a voicemail record are now one voicemail attempt');
      }
      await store.loadHistory();
      for (const notice of store.notices()) options.log?.(notice);
      return store;
    } catch (error) {
      releaseLock();
      throw error;
    }
  }

  /** What the rep should be told about this open: records set aside ("1 lead could not be read…"), a leads.json cut off. */
  notices(): string[] {
    return [...this.openNotices, ...this.quarantine.notices()];
  }

  get leadCount(): number {
    return this.leads.size;
  }

  /** True once any attempt has been recorded, even for leads since removed. */
  get hasHistory(): boolean {
    return [...this.logs.values()].some((log) => log.byteLength > 0);
  }

  get changeCounters(): { leads: number; summaries: number } {
    return { leads: this.leadsVersion, summaries: this.summariesVersion };
  }

  getLead(id: string): Lead | undefined {
    return this.leads.get(id);
  }

  /** The lead whose main phone is `e164`. */
  leadByPhone(e164: string): Lead | undefined {
    for (const id of this.idsWithNumber(e164)) {
      const lead = this.leads.get(id)!;
      if (lead.phone === e164) return lead;
    }
    return undefined;
  }

  private idsWithNumber(e164: string): string[] {
    const ids = this.leadIdsByNumber.get(e164);
    return ids === undefined ? [] : typeof ids === 'string' ? [ids] : ids;
  }

  /** Every lead that has `e164` as its main phone or one of its other phones; the main-phone owner first. */
  leadsWithNumber(e164: string): Lead[] {
    return this.idsWithNumber(e164).map((id) => this.leads.get(id)!).sort((a, b) => Number(b.phone === e164) - Number(a.phone === e164));
  }

  /** The history fold (main/core/stats), current with every recorded attempt and inbound call. */
  get historyFold(): HistoryFold {
    return this.statsValue;
  }

  /**
   * Records an inbound call in its log and folds it into the stats (a return, when it answers a
   * voicemail). Folded at once; the offset the stats have folded up to moves when the line is on
   * disk, so a checkpoint never claims a call the log does not hold.
   */
  recordInbound(call: InboundCall): Promise<void> {
    this.assertOpen();
    this.statsValue.foldInbound(call);
    const stats = this.statsValue;
    const written = this.inbound.record(call).then(({ month, end }) => {
      stats.inboundOffsets[month] = Math.max(stats.inboundOffsets[month] ?? 0, end);
    });
    return written;
  }

  allLeads(): IterableIterator<Lead> {
    return this.leads.values();
  }

  summaryOf(id: string): StoredSummary {
    return this.summaries.get(id) ?? emptySummary();
  }

  publicSummary(id: string): LeadSummary {
    const { months: _months, optedOut: _optedOut, rotation: _rotation, ...summary } = this.summaryOf(id);
    return summary;
  }

  rotationOf(id: string): LeadRotationState | undefined {
    return this.summaries.get(id)?.rotation ?? undefined;
  }

  /** The rep's dials and conversations per band, over all leads (the scheduler's tie-breaker). */
  get bandStats(): BandStats {
    return this.bandStatsValue;
  }

  /**
   * Folds the whole history again: after the settings a fold depends on
   * (bands, cadence) change. Seconds at a million attempts; rare.
   */
  /** Refolds only when the settings a fold depends on changed since the states were built. */
  async refoldIfStale(): Promise<boolean> {
    if (foldKeyOf(this.schedule, this.repZone, (this.options.historyFold ?? NO_HISTORY_FOLD).id) === this.foldedWith) return false;
    await this.refold();
    return true;
  }

  async refold(): Promise<void> {
    const foldKey = foldKeyOf(this.schedule, this.repZone, (this.options.historyFold ?? NO_HISTORY_FOLD).id);
    const refolding = this.refoldInto({ summaries: new Map(), bandStats: emptyLearningStats(this.schedule.bands.length), stats: this.newStats() });
    this.refolding = refolding;
    try {
      await refolding;
    } finally {
      this.refolding = null;
    }
    this.foldedWith = foldKey;
    await this.checkpoint();
  }

  /**
   * Builds the new state aside and swaps it in whole, yielding to the event
   * loop as it goes: readers keep the old state until then, and outcomes
   * recorded meanwhile wait (recordAttempt awaits `refolding`).
   */
  private async refoldInto(target: FoldTarget): Promise<void> {
    let folded = 0;
    const months = [...this.logs.keys()].sort();
    const meter = new RebuildMeter('Rebuilding lead summaries for the new settings', this.bytesFrom(months, () => 0), this.options.progress);
    let before = 0;
    for (const month of months) {
      const log = this.logs.get(month)!;
      for (const { record, end } of log.readFrom(0)) {
        this.fold(record, month, target);
        meter.advance(before + end);
        if (++folded % REFOLD_SLICE === 0) await new Promise((resolve) => setImmediate(resolve));
      }
      before += log.byteLength;
    }
    meter.finish();
    foldInboundInto(target.stats, this.inbound);
    this.summaries.clear();
    for (const [id, summary] of target.summaries) this.summaries.set(id, summary);
    this.bandStatsValue = target.bandStats;
    this.statsValue = target.stats;
    this.summariesVersion += 1;
  }

  /** Adds leads and rewrites leads.json once for the whole batch. */
  async addLeads(newLeads: Lead[]): Promise<void> {
    for (const lead of newLeads) {
      if (this.leads.has(lead.id)) throw new Error(`lead ${lead.id} already exists`);
      if (this.leadByPhone(lead.phone)) throw new Error(`a lead with phone ${lead.phone} already exists`);
    }
    for (const lead of newLeads) this.indexLead(lead);
    await this.persistLeads();
  }

  /**
   * Durably records one attempt. When the promise resolves the attempt is on
   * disk; a crash after that cannot lose it, a crash before it leaves no trace.
   */
  async recordAttempt(attempt: Attempt): Promise<void> {
    if (this.refolding) await this.refolding;
    this.assertOpen();
    if (!this.leads.has(attempt.leadId)) throw new Error(`no lead ${attempt.leadId}`);
    const month = attempt.recordedAt.slice(0, 7);
    this.logFor(month).append(attempt);
    this.fold(attempt, month);
    this.attemptsSinceCheckpoint += 1;
    if (this.attemptsSinceCheckpoint >= (this.options.checkpointEvery ?? CHECKPOINT_EVERY)) {
      await this.checkpoint();
    }
  }

  /** A lead's attempts, newest first. Reads only the months it has attempts in. */
  attemptsFor(leadId: string): Attempt[] {
    const needle = `"leadId":${JSON.stringify(leadId)}`;
    const found = this.summaryOf(leadId).months.flatMap((month) => this.logs.get(month)?.findLines(needle) ?? []);
    return found.sort((a, b) => (a.startedAt < b.startedAt ? 1 : a.startedAt > b.startedAt ? -1 : 0));
  }

  /** Every attempt, oldest log first (for export). */
  *allAttempts(): Generator<Attempt> {
    for (const month of [...this.logs.keys()].sort()) {
      for (const { record } of this.logs.get(month)!.readFrom(0)) yield record;
    }
  }

  /** Writes the checkpoint now (also done every few thousand attempts and on close). */
  async checkpoint(): Promise<void> {
    // The stats' inbound offsets must cover every inbound call they have folded.
    await this.inbound.flushed();
    const checkpoint: Checkpoint = {
      schemaVersion: CHECKPOINT_SCHEMA_VERSION,
      offsets: Object.fromEntries([...this.logs].map(([month, log]) => [month, log.byteLength])),
      // Built synchronously: the copy holds the summaries as of now (they are immutable values).
      summaries: this.summaries.snapshot(),
      // The learning planner's weekday and segment tables travel with the band counts.
      bandStats: structuredClone(this.bandStatsValue),
      foldKey: this.foldedWith,
      stats: this.statsValue.snapshot(),
    };
    this.attemptsSinceCheckpoint = 0;
    // Built synchronously above, so appends that land while it is written are simply in the next tail.
    await this.serialize(() => writeCheckpoint(this.checkpointPath, checkpoint));
    // The JSON checkpoint of versions up to 6 is superseded once the new one is on disk.
    rmSync(join(this.dataDir, LEGACY_CHECKPOINT_FILE), { force: true });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    try {
      await this.pendingWrite;
      await this.inbound.flushed();
      if (this.attemptsSinceCheckpoint > 0) await this.checkpoint();
    } finally {
      this.closed = true;
      for (const log of this.logs.values()) log.close();
      this.inbound.close();
      this.releaseLock();
    }
  }

  private get checkpointPath(): string {
    return join(this.dataDir, CHECKPOINT_FILE);
  }

  private indexLead(lead: Lead): void {
    const previous = this.leads.get(lead.id);
    if (previous) this.unindexNumbers(previous);
    this.leads.set(lead.id, lead);
    this.indexNumber(lead.phone, lead.id);
    for (const other of lead.otherPhones) this.indexNumber(other, lead.id);
    this.leadsVersion += 1;
  }

  /**
   * Called once per lead per number on open (100,000 leads): a number of one lead (nearly all) maps
   * to its id alone, not to an array of one, so opening allocates nothing for it.
   */
  private indexNumber(number: string, id: string): void {
    const ids = this.leadIdsByNumber.get(number);
    if (ids === undefined) this.leadIdsByNumber.set(number, id);
    else if (typeof ids === 'string') {
      if (ids !== id) this.leadIdsByNumber.set(number, [ids, id]);
    } else if (!ids.includes(id)) ids.push(id);
  }

  private unindexNumbers(lead: Lead): void {
    for (const number of new Set([lead.phone, ...lead.otherPhones])) {
      const ids = this.idsWithNumber(number).filter((id) => id !== lead.id);
      if (ids.length > 1) this.leadIdsByNumber.set(number, ids);
      else if (ids.length === 1) this.leadIdsByNumber.set(number, ids[0]);
      else this.leadIdsByNumber.delete(number);
    }
  }

  private get schedule(): ScheduleSettings {
    return this.options.schedule?.() ?? DEFAULT_SCHEDULE_SETTINGS;
  }

  private get repZone(): string {
    return this.options.repTimeZone?.() ?? 'UTC';
  }

  private newStats(): HistoryFold {
    return (this.options.historyFold ?? NO_HISTORY_FOLD).create();
  }

  private fold(
    attempt: Attempt,
    month: string,
    into: FoldTarget = { summaries: this.summaries, bandStats: this.bandStatsValue, stats: this.statsValue },
  ): void {
    const summary = into.summaries.get(attempt.leadId) ?? emptySummary();
    const zones = this.leads.get(attempt.leadId)?.zones;
    let rotation = summary.rotation;
    if (zones) {
      const schedule = this.schedule;
      rotation = foldAttempt(rotation ?? undefined, attempt, zones, schedule);
      // Another rep's attempt reaches the population model through the team's learned cells, not twice.
      if (attempt.by === undefined) foldBandStatsInPlace(into.bandStats, attempt, zones, schedule);
    }
    into.stats.foldAttempt(attempt, zones?.zones[0] ?? null, {
      kept: (rotation?.promisesKept ?? 0) - (summary.rotation?.promisesKept ?? 0),
      broken: (rotation?.promisesBroken ?? 0) - (summary.rotation?.promisesBroken ?? 0),
    });
    into.summaries.set(attempt.leadId, foldAttemptIntoSummary(summary, attempt, month, rotation));
    this.summariesVersion += 1;
  }

  /**
   * Leads from before zones were cached (data version 1), or before places were (the law of the lead's state),
   * get them once, and leads.json keeps them. Re-resolving also applies today's rule that an imported zone is
   * added to the number's, never in place of them.
   */
  private async resolveMissingZones(): Promise<void> {
    const missing = [...this.leads.values()].filter((lead) => lead.zones === null || lead.zones.places === undefined);
    if (missing.length === 0) return;
    const defaultCountry = this.options.defaultCountry?.() ?? 'US';
    for (const lead of missing) {
      this.indexLead({ ...lead, zones: await resolveLeadZones(lead, { defaultCountry }) });
    }
    await this.persistLeads();
  }

  private logFor(month: string): JsonlLog<Attempt> {
    let log = this.logs.get(month);
    if (!log) {
      log = JsonlLog.open(join(this.dataDir, 'attempts', `${month}.jsonl`), attemptRecordSchema, this.quarantine.lineSink('attempt'), isCertainlyAttempt);
      this.logs.set(month, log);
    }
    return log;
  }

  private async loadHistory(): Promise<void> {
    const months = readdirSync(join(this.dataDir, 'attempts'))
      .filter((name) => /^\d{4}-\d{2}\.jsonl$/.test(name))
      .map((name) => name.slice(0, 7))
      .sort();
    for (const month of months) this.logFor(month);

    // A data folder from before state.bin has its checkpoint in state.json: read once, so upgrading rebuilds nothing.
    const legacy = existsSync(this.checkpointPath) ? null : readLegacyCheckpoint(join(this.dataDir, LEGACY_CHECKPOINT_FILE));
    const checkpoint = legacy ? { ...legacy, rows: legacyRows(legacy.summaries) } : readCheckpoint(this.checkpointPath);
    // Whatever the checkpoint holds, the states after opening are folded with today's settings.
    this.foldedWith = foldKeyOf(this.schedule, this.repZone, (this.options.historyFold ?? NO_HISTORY_FOLD).id);
    const usable =
      checkpoint !== null &&
      checkpoint.foldKey === this.foldedWith &&
      Object.entries(checkpoint.offsets).every(([month, offset]) => (this.logs.get(month)?.byteLength ?? -1) >= offset);
    if (checkpoint && usable) {
      this.summaries.load(checkpoint.rows);
      if (legacy) this.recallRecentCalls(months, checkpoint.offsets);
      // A checkpoint from before the planner learned starts its weekday and zone tables now.
      this.bandStatsValue = withLearningTables(checkpoint.bandStats, this.schedule.bands.length);
      this.statsValue = (this.options.historyFold ?? NO_HISTORY_FOLD).restore(checkpoint.stats);
    } else {
      this.bandStatsValue = emptyLearningStats(this.schedule.bands.length);
      this.statsValue = this.newStats();
      if (months.length > 0) this.options.log?.(`${CHECKPOINT_FILE} is missing or out of date; rebuilding lead summaries from the attempt logs`);
    }
    let replayed = 0;
    const fromOf = (month: string) => (usable ? (checkpoint!.offsets[month] ?? 0) : 0);
    const what = usable ? 'Reading the attempts recorded since the last checkpoint' : 'Rebuilding lead summaries from the attempt logs';
    const meter = new RebuildMeter(what, this.bytesFrom(months, fromOf), this.options.progress);
    let before = 0;
    for (const month of months) {
      const from = fromOf(month);
      const log = this.logs.get(month)!;
      for (const { record, end } of log.readFrom(from)) {
        this.fold(record, month);
        replayed += 1;
        meter.advance(before + end - from);
      }
      before += log.byteLength - from;
    }
    meter.finish();
    foldInboundInto(this.statsValue, this.inbound);
    this.attemptsSinceCheckpoint = replayed;

    if (!usable || legacy || replayed >= (this.options.checkpointEvery ?? CHECKPOINT_EVERY)) await this.checkpoint();
  }

  /**
   * state.json (before state.bin) kept no lead's recent calls, which the law's caps count: they are read back from
   * the logs that can hold a call inside the longest cap window (the last two months), up to where that checkpoint
   * had folded (what comes after is folded as usual). Cheaper than the rebuild an upgrade would otherwise need.
   */
  private recallRecentCalls(months: string[], offsets: Record<string, number>): void {
    for (const month of months.slice(-2)) {
      const folded = offsets[month] ?? 0;
      for (const { record, end } of this.logs.get(month)!.readFrom(0)) {
        if (end > folded) break;
        const summary = this.summaries.get(record.leadId);
        if (!summary?.rotation) continue;
        const recentAttemptsAt = withRecentCall(summary.rotation.recentAttemptsAt, toMs(record.startedAt));
        this.summaries.set(record.leadId, { ...summary, rotation: { ...summary.rotation, recentAttemptsAt } });
      }
    }
  }

  /** Bytes of the given logs from each one's `from` to its end: what a fold will read. */
  private bytesFrom(months: string[], from: (month: string) => number): number {
    return months.reduce((sum, month) => sum + Math.max(0, (this.logs.get(month)?.byteLength ?? 0) - from(month)), 0);
  }

  private async persistLeads(): Promise<void> {
    const leads = [...this.leads.values()];
    await this.serialize(() => this.snapshot.write(leads));
  }

  /** Whole-file writes run one at a time, in order. */
  private serialize(write: () => Promise<void>): Promise<void> {
    const next = this.pendingWrite.then(write, write);
    this.pendingWrite = next.catch(() => undefined);
    return next;
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('the store is closed');
  }
}

/** Folds the inbound calls the stats have not seen yet (returns after voicemails). */
function foldInboundInto(stats: HistoryFold, inbound: InboundLog): void {
  for (const { call, month, end } of inbound.since(stats.inboundOffsets)) {
    stats.foldInbound(call);
    stats.inboundOffsets[month] = end;
  }
}

/** A copy of a damaged file in `damaged-<time>/`, fsynced before the caller rewrites the original. */
function keepDamagedCopy(dataDir: string, path: string, now: Date): string {
  const folder = join(dataDir, `damaged-${now.toISOString().replace(/[:.]/g, '-')}`);
  mkdirSync(folder, { recursive: true });
  const to = join(folder, basename(path));
  copyFileSync(path, to);
  const fd = openSync(to, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  fsyncDirectory(folder);
  fsyncDirectory(dataDir);
  return to;
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
