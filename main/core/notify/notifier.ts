import type { DialdeskNotification, PromiseReminderView } from '../../../shared/contract/index.js';
import type { EventHub } from '../api/event-hub.js';

/** What keeps notifications back: a dial block running, a call up. */
export type HoldReason = 'block' | 'call';

export interface NotifierDeps {
  events: EventHub;
  /** The rep's setting; read at each offer, so turning it off takes effect at once. */
  enabled(): boolean;
  /** Promised calls due now that no dial block makes (the schedule's reminders with a zero look-ahead). */
  duePromises(): PromiseReminderView[];
  /** How often due promises are looked for. */
  checkEveryMs?: number;
}

export interface Notifier {
  /** Sends `notification` as a `notify` event now, or when the last hold ends; never twice for one id. */
  offer(notification: DialdeskNotification): void;
  /** A returns slot began (the dial-block session calls this when a slot starts). */
  returnsSlotStarted(slot: { start: string; callers: number; phrase: string }): void;
  hold(reason: HoldReason, active: boolean): void;
  /** True while a block runs or a call is up: the in-app reminders are held too. */
  holding(): boolean;
  /** Looks for promises that fell due (the timer does this; exposed for tests and for clock jumps). */
  checkPromises(): void;
  close(): void;
}

/**
 * Decides which notifications reach the rep and when. Sent at once when no
 * block runs and no call is up; otherwise held and sent when the last hold
 * ends (a promise is then looked up again: one kept during the call is no
 * longer due). Calls are tracked from the core's own `sip.call` events;
 * the dial-block session reports its block with `hold('block', …)`.
 *
 *   idle ──hold──▶ holding ──last hold released──▶ idle (held ones sent)
 */
export function createNotifier(deps: NotifierDeps): Notifier {
  const holds = new Set<HoldReason>();
  const held = new Map<string, DialdeskNotification>();
  const sent = new Set<string>();
  const liveCalls = new Set<string>();

  const send = (notification: DialdeskNotification) => {
    if (sent.has(notification.id) || !deps.enabled()) return;
    sent.add(notification.id);
    deps.events.emit({ type: 'notify', notification });
  };

  const notifier: Notifier = {
    offer(notification) {
      if (sent.has(notification.id) || !deps.enabled()) return;
      if (holds.size > 0) held.set(notification.id, notification);
      else send(notification);
    },
    returnsSlotStarted({ start, callers, phrase }) {
      notifier.offer({
        id: `returns-slot:${start}`,
        kind: 'returns-slot',
        title: 'Returns slot',
        body: callers === 1 ? `1 caller to call back, ${phrase}.` : `${callers} callers to call back, ${phrase}.`,
        leadId: null,
      });
    },
    hold(reason, active) {
      if (active) {
        holds.add(reason);
        return;
      }
      holds.delete(reason);
      if (holds.size > 0) return;
      const waiting = [...held.values()];
      held.clear();
      for (const notification of waiting) if (notification.kind !== 'promise-due') send(notification);
      notifier.checkPromises();
    },
    holding: () => holds.size > 0,
    checkPromises() {
      for (const reminder of deps.duePromises()) {
        notifier.offer({
          id: `promise:${reminder.leadId}:${reminder.at}`,
          kind: 'promise-due',
          title: `Promised call: ${reminder.name}`,
          body: `You promised to call ${reminder.phrase}. No dial block will make this call.`,
          leadId: reminder.leadId,
        });
      }
    },
    close() {
      clearInterval(timer);
      unsubscribe();
    },
  };

  const unsubscribe = deps.events.subscribe((event) => {
    if (event.type !== 'sip.call') return;
    if (event.call.status === 'ended') liveCalls.delete(event.call.id);
    else liveCalls.add(event.call.id);
    const up = liveCalls.size > 0;
    if (up !== holds.has('call')) notifier.hold('call', up);
  });
  const timer = setInterval(() => notifier.checkPromises(), deps.checkEveryMs ?? 30_000);
  timer.unref?.();
  return notifier;
}
