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
  /** True while a dial block is running: its queue takes each promise at its time, so no reminder is needed. */
  blockRunning?(): boolean;
  /** How often due promises are looked for besides the promise clock (a safety net for clock jumps). */
  checkEveryMs?: number;
}

export interface Notifier {
  /** Sends `notification` as a `notify` event now, or when the last hold ends; never twice for one id. */
  offer(notification: DialdeskNotification): void;
  /** A returns slot began (the dial-block session calls this when a slot starts). */
  returnsSlotStarted(slot: { start: string; callers: number; phrase: string }): void;
  hold(reason: HoldReason, active: boolean): void;
  /** True while a block runs or a call is up (returns slots wait then). */
  holding(): boolean;
  /** True while a promise reminder waits: the rep is on a call, or a running block will make the call. */
  remindersHeld(): boolean;
  /** Looks for promises that fell due (the timer does this; exposed for tests and for clock jumps). */
  checkPromises(): void;
  close(): void;
}

/**
 * Decides which notifications reach the rep and when. Sent at once when no
 * block runs and no call is up; otherwise held and sent when the last hold
 * ends. A promise reminder is different: it is held only while the rep is on
 * a call, and not raised while a block is running, because the running block
 * takes the promise into its queue at its time. When the call ends (or the
 * block stops) promises are looked up again: one kept meanwhile is no longer
 * due. Calls are tracked from the core's own `sip.call` events; the dial-block
 * session reports its block with `hold('block', …)`.
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

  /** A promise reminder waits only for a call; everything else for any hold. */
  const isHeld = (notification: DialdeskNotification) => (notification.kind === 'promise-due' ? holds.has('call') : holds.size > 0);

  const notifier: Notifier = {
    offer(notification) {
      if (sent.has(notification.id) || !deps.enabled()) return;
      if (isHeld(notification)) held.set(notification.id, notification);
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
      for (const [id, notification] of [...held]) {
        if (isHeld(notification)) continue;
        held.delete(id);
        // A promise is looked up again below: one kept during the call is no longer due.
        if (notification.kind !== 'promise-due') send(notification);
      }
      notifier.checkPromises();
    },
    holding: () => holds.size > 0,
    remindersHeld: () => holds.has('call') || deps.blockRunning?.() === true,
    checkPromises() {
      if (deps.blockRunning?.()) return;
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
