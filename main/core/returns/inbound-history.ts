import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { FORMULA_START } from '../leads/csv-line.js';
import { join } from 'node:path';
import { z } from 'zod';
import { readSideFile } from '../store/side-file.js';
import Papa from 'papaparse';
import type { Answering, InboundCall } from '../../../shared/domain.js';
import type { InboundRow, InboundState, ReturnItem, ReturnsQueue, ReturnsSlots } from '../../../shared/dial-block.js';
import { leadName } from '../../../shared/lead-name.js';
import { statsOf } from '../stats/stats-fold.js';
import type { LeadStore } from '../store/lead-store.js';
import { writeAtomically } from '../store/write-atomically.js';
import { enUS } from 'date-fns/locale';
import { isoWithOffset } from '../timezones/zone-clock.js';
import { slotAt } from './returns-slots.js';

const DAY_MS = 86_400_000;
const RETURN_OPENER = 'Thanks for calling me back';

/**
 * "Probably answering the voicemail left Dec 1, 2026, 2:10 PM (First touch v3), which promised a
 * call at Dec 2, 2026, 8:15 AM." The screens show it beside the call's own time, in the same form.
 */
export function describeAnswering(answering: Answering | null, zone: string, scriptName: (id: string, version: number) => string): string {
  if (!answering) return 'No voicemail of ours is waiting for this caller.';
  const when = (iso: string) => format(new TZDate(Date.parse(iso), zone), 'PP, p', { locale: enUS });
  const script = answering.scriptId ? ` (${scriptName(answering.scriptId, answering.scriptVersion ?? 0)})` : '';
  const promise = answering.promisedFor ? `, which promised a call at ${when(answering.promisedFor)}` : '';
  return `Probably answering the voicemail left ${when(answering.leftAt)}${script}${promise}.`;
}

const SUPPRESSED = new Set(['busy-486', 'unavailable-480', 'diverted-302']);

/** `returned.json`: inbound call id → the call that returned it. */
const returnedSchema = z.record(z.string().min(1), z.string().min(1));

/**
 * Inbound calls as the rep sees them: the history (missed, suppressed, answered, returned),
 * the returns queue (callers still waiting, oldest first, batched into the current or next
 * slot) and which voicemail each caller is probably answering.
 *
 * A call is returned once the rep called that lead (or, for an unknown number, used "call back"
 * on it) after it came in; `returned.json` keeps the call-backs made from the queue.
 */
export class InboundHistory {
  private returnedBy: Record<string, string>;
  /** Set when `returned.json` was damaged and set aside. */
  readonly notice: string | null;

  private constructor(
    private readonly path: string,
    private readonly store: () => LeadStore,
    now: Date,
  ) {
    const file = readSideFile(path, returnedSchema, () => ({}), now);
    this.returnedBy = file.value;
    this.notice = file.notice;
  }

  static open(dataDir: string, store: () => LeadStore, now: Date = new Date()): InboundHistory {
    return new InboundHistory(join(dataDir, 'returned.json'), store, now);
  }

  /** What a call from this lead would be answering now: its last voicemail still waiting for a return. */
  answeringFor(leadId: string | null): Answering | null {
    if (!leadId) return null;
    const waiting = statsOf(this.store()).waitingFor(leadId);
    if (!waiting) return null;
    const [scriptId, version] = waiting.script ? [waiting.script.slice(0, waiting.script.lastIndexOf('@')), Number(waiting.script.slice(waiting.script.lastIndexOf('@') + 1))] : [null, null];
    return {
      voicemailAttemptId: waiting.attemptId,
      leftAt: new Date(waiting.at).toISOString(),
      scriptId,
      scriptVersion: version,
      promisedFor: waiting.promisedFor,
    };
  }

  /** Links inbound calls to the outbound call that returned them. */
  async markReturned(inboundIds: string[], callId: string): Promise<void> {
    for (const id of inboundIds) this.returnedBy[id] = callId;
    await writeAtomically(this.path, [`${JSON.stringify(this.returnedBy)}\n`]);
  }

  stateOf(call: InboundCall): InboundState {
    if (call.response === 'accepted') return 'answered';
    if (this.isReturned(call)) return 'returned';
    return SUPPRESSED.has(call.response) ? 'suppressed' : 'missed';
  }

  row(call: InboundCall): InboundRow {
    const lead = call.leadId ? this.store().getLead(call.leadId) : undefined;
    return {
      id: call.id,
      from: call.from,
      displayName: call.displayName,
      receivedAt: call.receivedAt,
      leadId: call.leadId,
      leadName: lead ? leadName(lead) || lead.company : '',
      response: call.response,
      reason: call.reason,
      state: this.stateOf(call),
      answering: call.answering ?? null,
      returnedBy: this.returnedBy[call.id] ?? null,
    };
  }

  /** Newest first, matching the query against number, name and reason. */
  list(input: { query: string; state?: InboundState; offset: number; limit: number }): { total: number; rows: InboundRow[] } {
    const needle = input.query.trim().toLowerCase();
    const rows = this.allRows()
      .filter((r) => !input.state || r.state === input.state)
      .filter((r) => !needle || `${r.from} ${r.displayName} ${r.leadName} ${r.reason}`.toLowerCase().includes(needle));
    return { total: rows.length, rows: rows.slice(input.offset, input.offset + input.limit) };
  }

  csv(): string {
    return Papa.unparse(
      this.allRows().map((r) => ({
        received_at: r.receivedAt,
        from: r.from,
        display_name: r.displayName,
        lead_id: r.leadId ?? '',
        lead_name: r.leadName,
        response: r.response,
        state: r.state,
        reason: r.reason,
        answering_voicemail: r.answering?.voicemailAttemptId ?? '',
        voicemail_left_at: r.answering?.leftAt ?? '',
        script: r.answering?.scriptId ? `${r.answering.scriptId} v${r.answering.scriptVersion}` : '',
        promised_for: r.answering?.promisedFor ?? '',
        returned_by_call: r.returnedBy ?? '',
      })),
      // A caller's display name comes from the network: defused like every other export's cells.
      { newline: '\n', escapeFormulae: FORMULA_START },
    ) + '\n';
  }

  /** Callers still waiting, one item per caller, oldest first, in the slot running now or the next one. */
  queue(slots: ReturnsSlots, zone: string, now: number, describeWhy: (answering: Answering | null) => string): ReturnsQueue {
    const byCaller = new Map<string, InboundCall[]>();
    for (const call of [...this.store().inbound.recent()].reverse()) {
      const state = this.stateOf(call);
      if (state !== 'suppressed' && state !== 'missed') continue;
      const key = call.leadId ?? call.from;
      byCaller.set(key, [...(byCaller.get(key) ?? []), call]);
    }
    const slot = slotAt(slots, zone, now);
    const slotView = slot && { startsAt: isoWithOffset(zone, slot.startsAt), endsAt: isoWithOffset(zone, slot.endsAt) };
    // In the rep's zone, like the slot and the voicemail in `why`: the screen shows them side by side.
    const repTime = (iso: string) => isoWithOffset(zone, Date.parse(iso));
    const items: ReturnItem[] = [...byCaller.values()]
      .map((calls) => {
        const first = calls[0];
        const answering = calls.findLast((c) => c.answering)?.answering ?? this.answeringFor(first.leadId);
        const lead = first.leadId ? this.store().getLead(first.leadId) : undefined;
        return {
          inboundId: first.id,
          from: first.from,
          leadId: first.leadId,
          leadName: lead ? leadName(lead) || lead.company : '',
          calls: calls.map((c) => ({ id: c.id, receivedAt: repTime(c.receivedAt) })),
          firstCalledAt: repTime(first.receivedAt),
          stale: now - Date.parse(first.receivedAt) > DAY_MS,
          answering,
          why: describeWhy(answering),
          opener: RETURN_OPENER,
          slot: slotView,
        };
      })
      // By instant: wall times with offsets do not sort as text across a clock change.
      .sort((a, b) => Date.parse(a.firstCalledAt) - Date.parse(b.firstCalledAt));
    return { slot: slot && slotView && { ...slotView, running: slot.startsAt <= now }, items };
  }

  private isReturned(call: InboundCall): boolean {
    if (this.returnedBy[call.id]) return true;
    if (!call.leadId) return false;
    const last = this.store().summaryOf(call.leadId).lastAttemptAt;
    return last !== null && last > call.receivedAt;
  }

  private allRows(): InboundRow[] {
    return [...this.store().inbound.all()].reverse().map((call) => this.row(call));
  }
}
