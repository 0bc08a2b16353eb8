/**
 * The running dial block: its queue, the current lead, the dial through the gate, what each call
 * became, pause/resume/skip/end, the power-dial countdown, and its record. Over 300 lines because
 * it is one state machine's driver (block-machine.ts holds the rules); the focus-lead view is in
 * focus-lead.ts.
 */
import type { NothingDue } from '../schedule/nothing-due.js';
import { blockRecordSchema, blockStateFileSchema } from './block-record-schema.js';
import { readSideFile } from '../store/side-file.js';
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Attempt, Lead } from '../../../shared/domain.js';
import type { BlockCounts, BlockFilter, BlockLength, BlockRecord, BlockView, FocusLead } from '../../../shared/dial-block.js';
import type { CallView } from '../../../shared/sip.js';
import { ApiFailure } from '../api/api-failure.js';
import type { EventHub } from '../api/event-hub.js';
import { voicemailStage } from '../scripts/pick-script.js';
import type { ScheduleService } from '../schedule/schedule-service.js';
import type { SettingsStore } from '../settings/settings-store.js';
import type { LeadStore } from '../store/lead-store.js';
import { JsonlLog } from '../store/jsonl-log.js';
import { writeAtomically } from '../store/write-atomically.js';
import { orderBlockQueue } from './block-queue.js';
import { IllegalBlockTransition, transition, type BlockEvent } from './block-machine.js';

const MINUTE_MS = 60_000;

export interface BlockSessionDeps {
  dataDir: string;
  store(): LeadStore;
  schedule: ScheduleService;
  settings: SettingsStore;
  events: EventHub;
  now(): Date;
  /** The gated dial (every dial passes the compliance gate): never SIP directly. */
  dial(input: { number: string; leadId: string }): Promise<CallView>;
  cancelCall(callId: string): Promise<unknown>;
  /** Inbound suppression (486/480/302) while a block runs. */
  setSuppression(active: boolean): void;
  /** The focus view of a lead (opener, script, strip). */
  focus(lead: Lead, refused: string | null, realLife: string | null): FocusLead;
  /** Returns waiting now and their slot, for the block record. */
  returnsWaiting(): { count: number; nextSlot: { startsAt: string; endsAt: string } | null };
  /** Whether an answered call is still waiting for its outcome (after a restart). */
  isOpenCall(callId: string): boolean;
  /** Standing promises whose minute has come, earliest first (the schedule's promisesDue). */
  promisesDue(now: number): Array<{ leadId: string; at: number }>;
  /**
   * Practice only: the queue takes every lead planned in the coming fortnight, whatever the hour (the
   * practice line's gate lets them ring, showing the hours as they would be in real life).
   */
  anyHour?: boolean;
  log?: (message: string) => void;
}

/** What survives a restart (`dial-block.json`). */
interface BlockState extends Pick<BlockView, 'id' | 'status' | 'phase' | 'length' | 'filter' | 'powerDial' | 'pauseSeconds' | 'startedAt' | 'endedAt' | 'callId' | 'counts'> {
  /** Running time banked before the current run (pauses excluded). */
  bankedMs: number;
  /** When the current run started (epoch ms), null while paused. */
  runningSince: number | null;
  queue: string[];
  index: number;
  /** The current call was settled while still up: hanging up moves on. */
  settledEarly: boolean;
  countdownEndsAt: number | null;
  skips: Array<{ leadId: string; reason: string }>;
  restored: boolean;
  /** Leads taken into the queue because their promise fell due while the block ran. */
  promised?: string[];
  /** When this state was last written (epoch ms): the app was running until at least then. */
  savedAt?: number;
}

/** While a block runs its state is written at least this often, so a crash loses at most this much block time. */
const HEARTBEAT_MS = 30_000;

const emptyCounts = (): BlockCounts => ({ dials: 0, conversations: 0, voicemailsLeft: 0, promisesMade: 0, skipped: 0, suppressedInbound: 0 });

export class BlockSession {
  private state: BlockState | null = null;
  private countdown: NodeJS.Timeout | null = null;
  private focusCache: { leadId: string; focus: FocusLead } | null = null;
  private readonly records: JsonlLog<BlockRecord>;
  private writing: Promise<void> = Promise.resolve();
  private dirty = false;
  private heartbeat: NodeJS.Timeout | null = null;
  /** Set when `dial-block.json` was damaged and set aside (no block is restored). */
  notice: string | null = null;

  constructor(private readonly deps: BlockSessionDeps) {
    mkdirSync(deps.dataDir, { recursive: true });
    this.records = JsonlLog.open(join(deps.dataDir, 'block-records.jsonl'), blockRecordSchema);
    this.restore();
  }

  get active(): boolean {
    return this.state !== null && (this.state.status === 'running' || this.state.status === 'paused');
  }

  get currentCallId(): string | null {
    return this.state?.callId ?? null;
  }

  view(): BlockView | null {
    const s = this.state;
    if (!s) return null;
    const leadId = s.queue[s.index];
    return {
      id: s.id,
      status: s.status,
      phase: s.phase,
      length: s.length,
      filter: s.filter,
      powerDial: s.powerDial,
      pauseSeconds: s.pauseSeconds,
      startedAt: s.startedAt,
      endedAt: s.endedAt,
      elapsedMs: this.elapsed(),
      countdownEndsAt: s.countdownEndsAt === null ? null : new Date(s.countdownEndsAt).toISOString(),
      callId: s.callId,
      current: leadId === undefined || s.status === 'ended' ? null : this.focusOf(leadId),
      remaining: Math.max(0, s.queue.length - s.index - 1),
      counts: { ...s.counts },
      restored: s.restored,
    };
  }

  start(input: { length: BlockLength; filter: BlockFilter; powerDial: boolean; pauseSeconds: number }): BlockView {
    if (this.active) throw new ApiFailure('conflict', 'A dial block is already in progress: resume or end it first.');
    const now = this.deps.now().getTime();
    const { queue, whyEmpty } = this.buildQueue(input.length, input.filter, now);
    if (queue.length === 0) {
      const why = whyEmpty();
      throw new ApiFailure('conflict', why.text, undefined, why.nextDueAt === null ? undefined : new Date(why.nextDueAt).toISOString());
    }
    this.state = {
      id: randomUUID(),
      status: 'idle',
      phase: 'ready',
      ...input,
      startedAt: new Date(now).toISOString(),
      endedAt: null,
      bankedMs: 0,
      runningSince: now,
      queue,
      index: 0,
      callId: null,
      settledEarly: false,
      countdownEndsAt: null,
      counts: emptyCounts(),
      skips: [],
      restored: false,
    };
    this.step('start');
    this.deps.setSuppression(true);
    this.skipRefused();
    if (this.state.status === 'running' && this.state.powerDial) this.startCountdown();
    return this.changed();
  }

  /** Space: dial the current lead through the gate. */
  async dial(): Promise<BlockView> {
    const s = this.live();
    this.clearCountdown();
    if (s.phase === 'countdown') this.step('fire');
    else this.step('dial');
    return this.placeCall();
  }

  /** Esc: cancel the ringing call, or stop the power-dial countdown. */
  async cancel(): Promise<BlockView> {
    const s = this.live();
    if (s.phase === 'countdown') {
      this.clearCountdown();
      this.step('cancel');
      return this.changed();
    }
    this.step('cancel');
    if (s.callId) await this.deps.cancelCall(s.callId);
    return this.changed();
  }

  pause(): BlockView {
    const s = this.live();
    if (s.phase === 'countdown') {
      this.clearCountdown();
      this.step('cancel');
    }
    this.step('pause');
    s.bankedMs = this.elapsed();
    s.runningSince = null;
    this.deps.setSuppression(false);
    return this.changed();
  }

  resume(): BlockView {
    const s = this.live();
    this.step('resume');
    s.runningSince = this.deps.now().getTime();
    s.restored = false;
    this.deps.setSuppression(true);
    if (s.phase === 'ready' && s.powerDial) this.startCountdown();
    return this.changed();
  }

  skip(reason: string): BlockView {
    const s = this.live();
    this.clearCountdown();
    this.step('skip');
    s.skips.push({ leadId: s.queue[s.index], reason });
    s.counts.skipped += 1;
    this.advance();
    return this.changed();
  }

  async end(): Promise<BlockRecord> {
    const s = this.live();
    this.clearCountdown();
    s.bankedMs = this.elapsed();
    s.runningSince = null;
    this.step('end');
    return this.finish(s);
  }

  records_(limit: number): BlockRecord[] {
    return [...this.records.readFrom(0)].map((r) => r.record).reverse().slice(0, limit);
  }

  /** Every SIP call event: the block follows its own call. */
  onCall(call: CallView): void {
    const s = this.state;
    if (!s || !this.active || call.id !== s.callId) return;
    try {
      if ((call.status === 'ringing' || call.status === 'early-media') && s.phase === 'dialing') this.step('ring');
      else if (call.status === 'connected' && (s.phase === 'dialing' || s.phase === 'ringing')) this.step('answer');
      else if (call.status === 'ended') this.onCallEnded(call);
      else return;
    } catch (error) {
      if (!(error instanceof IllegalBlockTransition)) throw error;
      this.deps.log?.(`dial block: ${error.message}`);
      return;
    }
    this.changed();
  }

  /** An answered call was settled (by the rep or the beep detector). */
  onSettled(attempt: Attempt): void {
    const s = this.state;
    if (!s || !this.active || attempt.callId !== s.callId) return;
    this.countSettled(attempt);
    if (s.phase === 'answered') {
      this.step('settle');
      s.settledEarly = true;
    } else if (s.phase === 'settling') {
      this.step('settle');
      this.next();
    }
    this.changed();
  }

  /**
   * A promise whose minute came while the block runs joins its queue at once, ahead of the other
   * leads (after promises due earlier): next after the call in progress, or in front of the rep
   * when no call is up. The promise clock calls this at each promise's minute; moving to the next
   * lead checks again.
   */
  takeDuePromises(): boolean {
    if (!this.admitDuePromises()) return false;
    this.changed();
    return true;
  }

  private admitDuePromises(): boolean {
    const s = this.state;
    if (!s || s.status !== 'running') return false;
    const waiting = new Set(s.queue.slice(s.index));
    const due = this.deps.promisesDue(this.deps.now().getTime()).filter((p) => !waiting.has(p.leadId));
    if (due.length === 0) return false;
    const idle = s.phase === 'ready' || s.phase === 'countdown';
    let at = idle ? s.index : s.index + 1;
    const promised = new Set(s.promised ?? []);
    while (at < s.queue.length && promised.has(s.queue[at])) at += 1;
    s.queue.splice(at, 0, ...due.map((p) => p.leadId));
    s.promised = [...promised, ...due.map((p) => p.leadId)];
    if (idle && at === s.index) this.focusCache = null;
    return true;
  }

  onSuppressed(): void {
    if (!this.state || !this.active) return;
    this.state.counts.suppressedInbound += 1;
    this.deps.events.emit({ type: 'inbound.suppressed', count: this.state.counts.suppressedInbound });
    this.persist();
  }

  /** The app is closing: the running time is banked now, so the time it stays closed is never block time. */
  close(): void {
    this.clearCountdown();
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
    const s = this.state;
    if (s && this.active && s.runningSince !== null) {
      s.bankedMs = this.elapsed();
      s.runningSince = null;
      this.persist();
    }
    this.records.close();
  }

  // ---- internals ----------------------------------------------------------------------------

  private onCallEnded(call: CallView): void {
    const s = this.state!;
    if (call.outcome === 'answered') {
      if (s.settledEarly) this.next();
      else this.step('hangup');
      return;
    }
    // SIP settled it (no answer, busy, bad number, failed): the next lead at once.
    this.next();
  }

  private countSettled(attempt: Attempt): void {
    const counts = this.state!.counts;
    if (attempt.outcome === 'conversation') counts.conversations += 1;
    if (attempt.outcome === 'voicemail') counts.voicemailsLeft += 1;
    if (attempt.promisedFor && (attempt.outcome === 'voicemail' || attempt.outcome === 'call-back')) counts.promisesMade += 1;
  }

  private async placeCall(): Promise<BlockView> {
    const s = this.state!;
    const lead = this.deps.store().getLead(s.queue[s.index]);
    if (!lead) {
      s.phase = 'ready';
      this.advance();
      return this.changed();
    }
    try {
      const call = await this.deps.dial({ number: lead.phone, leadId: lead.id });
      s.callId = call.id;
      s.settledEarly = false;
      s.counts.dials += 1;
      if (call.status === 'ended') this.onCallEnded(call);
    } catch (error) {
      // Refused by the gate or the line is down: the lead stays in front of the rep, not dialled.
      s.phase = 'ready';
      this.changed();
      throw error;
    }
    return this.changed();
  }

  /** The current lead is finished: to the next one (or the end of the block). */
  private next(): void {
    this.step('next');
    this.advance();
  }

  private advance(): void {
    const s = this.state!;
    s.callId = null;
    s.settledEarly = false;
    s.index += 1;
    this.focusCache = null;
    this.admitDuePromises();
    if (this.lengthReached()) {
      void this.finish(s, 'end');
      return;
    }
    this.skipRefused();
    if (this.state?.status === 'running' && s.powerDial) this.startCountdown();
  }

  private lengthReached(): boolean {
    const s = this.state!;
    if (s.index >= s.queue.length) return true;
    if (s.length.kind === 'leads') return s.counts.dials + s.counts.skipped >= s.length.leads;
    return this.elapsed() >= s.length.minutes * MINUTE_MS;
  }

  /** Leads the gate refuses right now (outside their window, do-not-call) are skipped with the reason. */
  private skipRefused(): void {
    const s = this.state!;
    while (s.index < s.queue.length) {
      const lead = this.deps.store().getLead(s.queue[s.index]);
      // The gate's own check of the lead (placeCall checks the dialled number again when it dials).
      const verdict = lead ? this.deps.schedule.checkDial(lead, this.deps.now().getTime()) : { allowed: false as const, reason: 'The lead is no longer in the list.' };
      if (verdict.allowed) return;
      s.skips.push({ leadId: s.queue[s.index], reason: verdict.reason });
      s.counts.skipped += 1;
      s.index += 1;
    }
    void this.finish(s, 'end');
  }

  private startCountdown(): void {
    const s = this.state!;
    if (s.pauseSeconds === 0) {
      this.step('countdown');
      this.step('fire');
      void this.placeCall().catch((error) => this.deps.log?.(`power dial: ${String(error)}`));
      return;
    }
    this.step('countdown');
    s.countdownEndsAt = this.deps.now().getTime() + s.pauseSeconds * 1000;
    this.countdown = setTimeout(() => {
      this.countdown = null;
      if (this.state?.phase !== 'countdown' || this.state.status !== 'running') return;
      // The countdown is over: the view must not go on saying "Dialling the next lead in 0 s" through the call.
      this.state.countdownEndsAt = null;
      this.step('fire');
      void this.placeCall().catch((error) => this.deps.log?.(`power dial: ${String(error)}`));
    }, s.pauseSeconds * 1000);
  }

  private clearCountdown(): void {
    if (this.countdown) clearTimeout(this.countdown);
    this.countdown = null;
    if (this.state) this.state.countdownEndsAt = null;
  }

  private async finish(s: BlockState, event?: BlockEvent): Promise<BlockRecord> {
    if (event && s.status !== 'ended') this.step(event);
    this.clearCountdown();
    s.endedAt = this.deps.now().toISOString();
    this.deps.setSuppression(false);
    const returns = this.deps.returnsWaiting();
    const record: BlockRecord = {
      id: s.id,
      startedAt: s.startedAt,
      endedAt: s.endedAt,
      length: s.length,
      filter: s.filter,
      counts: { ...s.counts },
      conversationRate: s.counts.dials === 0 ? 0 : s.counts.conversations / s.counts.dials,
      returnsWaiting: returns.count,
      nextSlot: returns.nextSlot,
    };
    this.records.append(record);
    this.changed();
    return record;
  }

  private step(event: BlockEvent): void {
    const s = this.state;
    if (!s) throw new ApiFailure('conflict', 'No dial block is in progress.');
    try {
      const next = transition(s, event);
      s.status = next.status;
      s.phase = next.phase;
    } catch (error) {
      if (error instanceof IllegalBlockTransition) throw new ApiFailure('conflict', error.message);
      throw error;
    }
  }

  private live(): BlockState {
    if (!this.state || !this.active) throw new ApiFailure('conflict', 'No dial block is in progress.');
    return this.state;
  }

  private elapsed(): number {
    const s = this.state;
    if (!s) return 0;
    return s.bankedMs + (s.runningSince === null ? 0 : this.deps.now().getTime() - s.runningSince);
  }

  /**
   * What a block over `[now, endsAt)` would hold if started now: its queue, and the promises that
   * fall due inside it (they join at their time). For announcing a block set in Settings.
   */
  preview(now: number, endsAt: number): { leads: number; promised: number } {
    const plans = this.deps.schedule.planLeads(now);
    const queue = orderBlockQueue(plans, { id: 'preview', startsAt: now, endsAt }, now);
    const later = plans.filter((p) => p.promised && p.at > now && p.at < endsAt && !queue.includes(p));
    return { leads: queue.length + later.length, promised: queue.filter((p) => p.promised).length + later.length };
  }

  private buildQueue(length: BlockLength, filter: BlockFilter, now: number): { queue: string[]; whyEmpty: () => NothingDue } {
    const store = this.deps.store();
    const schedule = this.deps.settings.get().schedule;
    const text = filter.text?.toLowerCase();
    const include = (lead: Lead) =>
      (!filter.timeZone || lead.zones?.zones[0] === filter.timeZone) &&
      (!filter.stage || voicemailStage(store.rotationOf(lead.id), schedule) === filter.stage) &&
      (!text || `${lead.company}\n${lead.notes}\n${lead.reason}\n${lead.referrer}`.toLowerCase().includes(text));
    const minutes = this.deps.anyHour ? 14 * 24 * 60 : length.kind === 'minutes' ? length.minutes : 60;
    const plans = this.deps.schedule.planLeads(now, include);
    const ordered = orderBlockQueue(plans, { id: 'block', startsAt: now, endsAt: now + minutes * MINUTE_MS }, now).map((p) => p.leadId);
    return {
      queue: length.kind === 'leads' ? ordered.slice(0, length.leads) : ordered,
      whyEmpty: () => this.deps.schedule.whyNothingDue(now, include, plans),
    };
  }

  private focusOf(leadId: string): FocusLead | null {
    if (this.focusCache?.leadId === leadId) return this.focusCache.focus;
    const lead = this.deps.store().getLead(leadId);
    if (!lead) return null;
    const verdict = this.deps.schedule.checkDial(lead, this.deps.now().getTime());
    const focus = this.deps.focus(lead, verdict.allowed ? null : verdict.reason, verdict.allowed ? (verdict.realLife ?? null) : null);
    this.focusCache = { leadId, focus };
    return focus;
  }

  private changed(): BlockView {
    const view = this.view()!;
    this.deps.events.emit({ type: 'dial-block.changed', block: view });
    this.persist();
    return view;
  }

  /**
   * Writes `dial-block.json`, coalesced: one write in flight and at most one more with the latest
   * state, so a burst of changes (a flood of suppressed calls) costs two writes, not one each.
   */
  private persist(): void {
    this.beatWhileRunning();
    if (this.dirty) return;
    this.dirty = true;
    this.writing = this.writing
      .then(() => {
        this.dirty = false;
        if (this.state) this.state.savedAt = this.deps.now().getTime();
        return writeAtomically(join(this.deps.dataDir, 'dial-block.json'), [`${JSON.stringify(this.state)}\n`]);
      })
      .catch((error) => this.deps.log?.(`dial-block.json: ${String(error)}`));
  }

  /** Keeps `savedAt` fresh while the block runs (a crash then costs at most a heartbeat of block time). */
  private beatWhileRunning(): void {
    const running = this.state?.status === 'running';
    if (running && !this.heartbeat) {
      this.heartbeat = setInterval(() => this.persist(), HEARTBEAT_MS);
      this.heartbeat.unref?.();
    } else if (!running && this.heartbeat) {
      clearInterval(this.heartbeat);
      this.heartbeat = null;
    }
  }

  /** Resolves when the block's state is on disk. */
  flushed(): Promise<void> {
    return this.writing;
  }

  /** A block left running or paused by a closed app comes back paused, offered for resuming. */
  private restore(): void {
    const file = readSideFile(join(this.deps.dataDir, 'dial-block.json'), blockStateFileSchema, () => null, this.deps.now());
    this.notice = file.notice;
    const saved = file.value;
    if (!saved || (saved.status !== 'running' && saved.status !== 'paused')) return;
    const now = this.deps.now().getTime();
    // Block time runs only while the app ran: up to the last write, never across the time it was closed.
    const ranUntil = Math.min(now, saved.savedAt ?? saved.runningSince ?? now);
    saved.bankedMs += saved.runningSince === null ? 0 : Math.max(0, ranUntil - saved.runningSince);
    saved.runningSince = null;
    saved.status = 'paused';
    saved.countdownEndsAt = null;
    saved.restored = true;
    // The call of a restarted app is gone; an answered one may still wait for its outcome.
    if (saved.callId && (saved.phase === 'answered' || saved.phase === 'settling') && this.deps.isOpenCall(saved.callId)) saved.phase = 'settling';
    else if (saved.phase !== 'ready') {
      saved.phase = 'ready';
      saved.callId = null;
    }
    this.state = saved;
  }
}
