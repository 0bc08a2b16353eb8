import type { returnsCalls } from '../../../shared/contract/returns.js';
import type { Answering } from '../../../shared/domain.js';
import type { CallView } from '../../../shared/sip.js';
import { ApiFailure } from '../api/api-failure.js';
import type { HandlersFor } from '../api/dispatch.js';
import type { EventHub } from '../api/event-hub.js';
import type { ScriptLibrary } from '../scripts/script-library.js';
import type { SettingsStore } from '../settings/settings-store.js';
import type { LeadStore } from '../store/lead-store.js';
import { describeAnswering, InboundHistory } from './inbound-history.js';
import { ReturnsSlotsFile, slotAt, slotsCalendar } from './returns-slots.js';
import { slotNotifier } from './slot-notifier.js';

const E164 = /^\+[1-9]\d{6,14}$/;

export interface ReturnsServiceDeps {
  dataDir: string;
  store(): LeadStore;
  scripts: ScriptLibrary;
  settings: SettingsStore;
  events: EventHub;
  now(): Date;
  /** The gated dial path (compliance checked); never SIP directly. */
  dial(input: { number: string; leadId: string | null }): Promise<CallView>;
  /** True while a dial block runs: a slot's start waits until it ends (releaseHeld). */
  held(): boolean;
}

/**
 * Inbound history, the returns slots and their calendar: who called while the rep was busy, when
 * they are called back, and the call back itself (to the number they called from).
 */
export function createReturnsService(deps: ReturnsServiceDeps) {
  const repZone = () => deps.settings.get().repTimeZone;
  const slots = ReturnsSlotsFile.load(deps.dataDir, deps.now());
  const history = InboundHistory.open(deps.dataDir, deps.store, deps.now());
  const describeWhy = (answering: Answering | null) => describeAnswering(answering, repZone(), (id, version) => deps.scripts.nameOf(id, version));
  const queue = () => history.queue(slots.get(), repZone(), deps.now().getTime(), describeWhy);

  const notifier = slotNotifier({
    nextSlot: (at) => slotAt(slots.get(), repZone(), at),
    now: () => deps.now().getTime(),
    held: deps.held,
    announce: () => {
      const q = queue();
      if (q.slot) deps.events.emit({ type: 'returns.slot-started', slot: { startsAt: q.slot.startsAt, endsAt: q.slot.endsAt }, waiting: q.items.length, queue: q });
    },
  });

  const calendar = () => {
    const waiting = queue().items;
    return slotsCalendar(slots.get(), repZone(), deps.now().getTime(), 7, () =>
      waiting.length === 0 ? 'Return the calls that came in during your dial blocks.' : `${waiting.length} callers waiting: ${waiting.map((w) => w.leadName || w.from).join(', ')}`,
    );
  };

  const handlers: HandlersFor<typeof returnsCalls> = {
    getReturnsSlots: () => slots.get(),
    saveReturnsSlots: async ({ slots: value }) => {
      const saved = await slots.save(value);
      notifier.reschedule();
      return saved;
    },
    getReturnsQueue: () => queue(),
    returnCall: async ({ inboundId }) => {
      const item = queue().items.find((i) => i.inboundId === inboundId);
      if (!item) throw new ApiFailure('not-found', 'That caller is not waiting in the returns queue.');
      const lead = item.leadId ? deps.store().getLead(item.leadId) : undefined;
      // The number the person called from (their mobile, say), not the lead's main number; the
      // main number only when the caller's did not come through as a dialable number.
      const number = E164.test(item.from) ? item.from : (lead?.phone ?? item.from);
      const call = await deps.dial({ number, leadId: lead?.id ?? null });
      await history.markReturned(
        item.calls.map((c) => c.id),
        call.id,
      );
      return { callId: call.id };
    },
    listInbound: (input) => history.list(input),
    exportInboundCsv: () => history.csv(),
    exportReturnsIcs: () => calendar(),
  };

  return {
    handlers,
    queue,
    calendar,
    /** What an inbound call from this lead is probably answering. */
    inboundAnswering: (leadId: string | null) => history.answeringFor(leadId),
    /** Side files that were damaged and set aside at start-up. */
    notices: [slots.notice, history.notice].filter((n): n is string => n !== null),
    /** The block ended: a slot that started during it is said now. */
    releaseHeld: () => notifier.releaseHeld(),
    close: () => notifier.stop(),
  };
}

export type ReturnsService = ReturnType<typeof createReturnsService>;
