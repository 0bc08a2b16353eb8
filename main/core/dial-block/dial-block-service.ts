import type { dialBlockCalls } from '../../../shared/contract/dial-block.js';
import type { AnsweredOutcome, Attempt, InboundCall, IsoTime, Lead } from '../../../shared/domain.js';
import type { ScheduledBlockView } from '../../../shared/contract/events.js';
import type { CallView } from '../../../shared/sip.js';
import type { HandlersFor } from '../api/dispatch.js';
import type { EventHub } from '../api/event-hub.js';
import type { ScheduleService } from '../schedule/schedule-service.js';
import type { ScriptLibrary } from '../scripts/script-library.js';
import type { SettingsStore } from '../settings/settings-store.js';
import type { LeadStore } from '../store/lead-store.js';
import { ApiFailure } from '../api/api-failure.js';
import { AnsweredCalls, type SettleDetails } from '../calling/answered-calls.js';
import { BlockSession } from './block-session.js';
import { createReturnsService } from '../returns/returns-service.js';
import { answeredCallHandlers } from '../calling/answered-call-handlers.js';
import { statsHandlers } from '../stats/stats-handlers.js';
import { focusLead } from './focus-lead.js';
import { blockAnnouncer } from './block-announcer.js';
import { expandDialBlocks } from '../schedule/dial-blocks.js';
import { BLOCK_MINUTES } from '../../../shared/dial-block.js';
import { isoWithOffset, localMinuteOfDay } from '../timezones/zone-clock.js';
import { clockText } from '../../../shared/clock-text.js';

export interface DialBlockServiceDeps {
  dataDir: string;
  store(): LeadStore;
  schedule: ScheduleService;
  scripts: ScriptLibrary;
  settings: SettingsStore;
  events: EventHub;
  now(): Date;
  /** The gated dial path (compliance checked); never SIP directly. */
  dial(input: { number: string; leadId: string | null }): Promise<CallView>;
  cancelCall(callId: string): Promise<unknown>;
  setDialBlockActive(active: boolean): void;
  /** Practice only (see BlockSessionDeps.anyHour). */
  anyHour?: boolean;
  log?: (message: string) => void;
}

/**
 * Dial blocks joined to the rest of the core, and the one place that coordinates what a block
 * touches: the answered calls (calling/), the returns (returns/) and the stats (stats/), each
 * implemented and answering its own contract calls in its own folder (core.ts only wires events in).
 */
export function createDialBlockService(deps: DialBlockServiceDeps) {
  const repZone = () => deps.settings.get().repTimeZone;
  const answered = AnsweredCalls.load({
    dataDir: deps.dataDir,
    now: deps.now,
    repZone,
    record: async (attempt) => {
      await deps.store().recordAttempt(attempt);
      deps.events.emit({ type: 'leads.changed' });
    },
    // The attempt is on disk: the block counts it and, in power-dial mode, dials the next lead now.
    recorded: (attempt) => block.onSettled(attempt),
    attemptContext: (leadId) => deps.schedule.attemptContext(deps.store().getLead(leadId)),
    log: deps.log,
  });
  const queue = () => returns.queue();
  // One focus panel for a lead, in a block and on a call dialled from the lead or a reminder.
  const focusOf = (lead: Lead, refused: string | null, realLife: string | null = null) =>
    focusLead(
      {
        store: deps.store(),
        schedule: deps.schedule,
        now: deps.now().getTime(),
        waitingReturn: queue().items.some((i) => i.leadId === lead.id),
      },
      lead,
      refused,
      realLife,
    );

  const block = new BlockSession({
    dataDir: deps.dataDir,
    store: deps.store,
    schedule: deps.schedule,
    settings: deps.settings,
    events: deps.events,
    now: deps.now,
    dial: (input) => deps.dial(input),
    cancelCall: deps.cancelCall,
    setSuppression: (active) => {
      deps.setDialBlockActive(active);
      if (!active) returns.releaseHeld();
    },
    focus: (lead, refused, realLife) => focusOf(lead, refused, realLife),
    returnsWaiting: () => {
      const q = queue();
      return { count: q.items.length, nextSlot: q.slot && { startsAt: q.slot.startsAt, endsAt: q.slot.endsAt } };
    },
    isOpenCall: (callId) => answered.find(callId) !== undefined,
    promisesDue: (now) => deps.schedule.promisesDue(now),
    anyHour: deps.anyHour,
    log: deps.log,
  });
  // After the block: a returns slot starting while it runs waits for it (held).
  const returns = createReturnsService({
    dataDir: deps.dataDir,
    store: deps.store,
    scripts: deps.scripts,
    settings: deps.settings,
    events: deps.events,
    now: deps.now,
    dial: (input) => deps.dial(input),
    held: () => block.active,
  });
  let announced: { view: ScheduledBlockView; endsAt: number } | null = null;
  const scheduledNow = (): ScheduledBlockView | null => {
    if (announced && (block.active || deps.now().getTime() >= announced.endsAt)) announced = null;
    return announced?.view ?? null;
  };
  const announcer = blockAnnouncer({
    now: () => deps.now().getTime(),
    blocksBetween: (from, to) => {
      const settings = deps.settings.get();
      return expandDialBlocks(settings.schedule.dialBlocks, settings, from, to);
    },
    busy: () => block.active,
    announce: (scheduled) => {
      const now = deps.now().getTime();
      const { leads, promised } = block.preview(now, scheduled.endsAt);
      const zone = repZone();
      const left = (scheduled.endsAt - now) / 60_000;
      const minutes = BLOCK_MINUTES.reduce((best, m) => (Math.abs(m - left) < Math.abs(best - left) ? m : best), BLOCK_MINUTES[0]);
      const view: ScheduledBlockView = {
        id: scheduled.id,
        startsAt: isoWithOffset(zone, scheduled.startsAt),
        endsAt: isoWithOffset(zone, scheduled.endsAt),
        startClock: clockText(localMinuteOfDay(zone, scheduled.startsAt)),
        leads,
        promised,
        minutes,
      };
      // Kept until the block starts, ends or is dismissed: a page that connects later still offers it.
      announced = { view, endsAt: scheduled.endsAt };
      deps.events.emit({ type: 'dial-block.scheduled', block: view });
    },
  });

  /** Settles an answered call (by SIP call id or attempt id): its one attempt is written. */
  const settleAnsweredCall = (id: string, outcome: AnsweredOutcome, details: SettleDetails = {}): Promise<Attempt> => answered.settle(id, outcome, details);

  const handlers: HandlersFor<typeof dialBlockCalls> = {
    startBlock: (input) => block.start(input),
    getBlock: () => block.view(),
    blockDial: () => block.dial(),
    blockCancel: () => block.cancel(),
    pauseBlock: () => block.pause(),
    resumeBlock: () => block.resume(),
    skipLead: ({ reason }) => block.skip(reason),
    endBlock: () => block.end(),
    listBlockRecords: ({ limit }) => block.records_(limit),
    getLeadFocus: ({ leadId }) => {
      const lead = deps.store().getLead(leadId);
      if (!lead) throw new ApiFailure('not-found', `No lead with id ${leadId}.`);
      return focusOf(lead, null);
    },
    getScheduledBlock: () => scheduledNow(),
    dismissScheduledBlock: ({ id }) => {
      if (announced?.view.id === id) announced = null;
      return null;
    },
  };

  return {
    /** Every call this service answers: the block's, and the answered calls', returns' and stats' own handlers it coordinates. */
    handlers: { ...handlers, ...answeredCallHandlers(answered, deps.store), ...returns.handlers, ...statsHandlers({ store: deps.store, scripts: deps.scripts }) },
    /** Side files that were damaged and set aside at start-up, for the rep. */
    notices: [...returns.notices, answered.notice, block.notice].filter((n): n is string => n !== null),
    settleAnsweredCall,
    answered,
    returnsCalendar: returns.calendar,
    queue,
    get blockActive() {
      return block.active;
    },
    /** A dial block is running (not paused): it takes each promise into its queue at its time. */
    get blockRunning() {
      return block.view()?.status === 'running';
    },
    /** A promise's minute came: a running block takes it ahead of its other leads. */
    takeDuePromises: () => block.takeDuePromises(),
    /** Every SIP call event: answered calls open, the block follows its own call. */
    onCall(call: CallView): void {
      if (call.direction === 'outbound' && call.status === 'connected' && call.leadId) {
        void answered
          .answered({ callId: call.id, leadId: call.leadId, startedAt: call.startedAt, answeredAt: call.answeredAt })
          // The open call is on the lead and in the To settle list from now on.
          .then(() => deps.events.emit({ type: 'leads.changed' }))
          .catch((e) => deps.log?.(String(e)));
      }
      block.onCall(call);
    },
    /** SIP ended an answered call: it stays open until settled. */
    async onAnsweredCallEnded(call: { callId: string; leadId: string; startedAt: IsoTime; endedAt: IsoTime; sipStatus: number | null }): Promise<void> {
      await answered.ended(call);
      deps.events.emit({ type: 'leads.changed' });
    },
    /** An inbound call was recorded: what it is probably answering is kept with it. */
    inboundAnswering: (leadId: string | null) => returns.inboundAnswering(leadId),
    onInboundRecorded(call: InboundCall): void {
      if (call.response === 'busy-486' || call.response === 'unavailable-480' || call.response === 'diverted-302') block.onSuppressed();
    },
    /** The blocks in Settings changed: the next start is looked up again. */
    rescheduleBlocks: () => announcer.rearm(),
    async close(): Promise<void> {
      announcer.stop();
      returns.close();
      block.close();
      await block.flushed();
    },
  };
}

export type DialBlockService = ReturnType<typeof createDialBlockService>;
