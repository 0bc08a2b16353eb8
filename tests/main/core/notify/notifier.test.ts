import { afterEach, describe, expect, it } from 'vitest';
import { createEventHub } from '../../../../main/core/api/event-hub.js';
import { createNotifier, type Notifier } from '../../../../main/core/notify/notifier.js';
import type { DialdeskEvent, DialdeskNotification, PromiseReminderView } from '../../../../shared/contract/index.js';
import type { CallStatus, CallView } from '../../../../shared/sip.js';

const reminder = (leadId: string, at = '2026-03-10T10:15:00-04:00'): PromiseReminderView => ({
  leadId,
  name: `Lead ${leadId}`,
  phone: '+12125550147',
  at,
  phrase: '10:15 (in 0 minutes)',
});

function setup(options: { enabled?: boolean; due?: PromiseReminderView[]; blockRunning?: boolean } = {}) {
  const events = createEventHub();
  const shown: DialdeskNotification[] = [];
  events.subscribe((event: DialdeskEvent) => {
    if (event.type === 'notify') shown.push(event.notification);
  });
  const state = { enabled: options.enabled ?? true, due: options.due ?? [], blockRunning: options.blockRunning ?? false };
  const notifier = createNotifier({ events, enabled: () => state.enabled, duePromises: () => state.due, blockRunning: () => state.blockRunning, checkEveryMs: 3_600_000 });
  const call = (id: string, status: CallStatus) =>
    events.emit({ type: 'sip.call', call: { id, status } as CallView, previous: null });
  return { events, shown, state, notifier, call };
}

describe('notifier', () => {
  let notifier: Notifier | null = null;
  afterEach(() => notifier?.close());

  it('a promise due outside any block is shown once, however often it is checked', () => {
    const t = setup({ due: [reminder('a')] });
    notifier = t.notifier;
    t.notifier.checkPromises();
    t.notifier.checkPromises();
    expect(t.shown).toEqual([
      {
        id: 'promise:a:2026-03-10T10:15:00-04:00',
        kind: 'promise-due',
        title: 'Promised call: Lead a',
        body: 'You promised to call 10:15 (in 0 minutes). No dial block will make this call.',
        leadId: 'a',
      },
    ]);
  });

  it('a returns slot start is shown, with the number of callers', () => {
    const t = setup();
    notifier = t.notifier;
    t.notifier.returnsSlotStarted({ start: '2026-03-10T16:00:00Z', callers: 3, phrase: 'until 12:30' });
    expect(t.shown.map((n) => [n.kind, n.body])).toEqual([['returns-slot', '3 callers to call back, until 12:30.']]);
  });

  it('held while a call is up, shown when the last call ends', () => {
    const t = setup();
    notifier = t.notifier;
    t.call('c1', 'dialing');
    t.call('c2', 'ringing');
    t.notifier.returnsSlotStarted({ start: 's1', callers: 1, phrase: 'now' });
    t.call('c1', 'connected');
    t.call('c1', 'ended');
    expect(t.shown).toEqual([]);
    t.call('c2', 'ended');
    expect(t.shown.map((n) => n.id)).toEqual(['returns-slot:s1']);
  });

  it('not raised while a block runs (its queue takes the promise); a promise kept meanwhile is not shown afterwards, one still due is', () => {
    const t = setup({ due: [reminder('a'), reminder('b')], blockRunning: true });
    notifier = t.notifier;
    t.notifier.hold('block', true);
    t.notifier.checkPromises();
    t.call('c1', 'connected');
    t.state.due = [reminder('b')]; // lead a was called during the block
    expect(t.notifier.holding()).toBe(true);
    t.state.blockRunning = false;
    t.notifier.hold('block', false);
    expect(t.shown).toEqual([]); // the call is still up
    expect(t.notifier.holding()).toBe(true);
    t.call('c1', 'ended');
    expect(t.notifier.holding()).toBe(false);
    expect(t.shown.map((n) => n.leadId)).toEqual(['b']);
  });

  it('a promise falling due while a block is paused, with no call up, is raised at once: only a call holds it', () => {
    const t = setup({ due: [reminder('a')] });
    notifier = t.notifier;
    t.notifier.hold('block', true); // a paused block still holds the returns slots
    t.notifier.returnsSlotStarted({ start: 's1', callers: 1, phrase: 'now' });
    t.notifier.checkPromises();
    expect(t.shown.map((n) => n.kind)).toEqual(['promise-due']);
    expect(t.notifier.remindersHeld()).toBe(false);
  });

  it('a promise due during a call is raised when the call ends, even with a block still paused', () => {
    const t = setup({ due: [reminder('a')] });
    notifier = t.notifier;
    t.notifier.hold('block', true);
    t.call('c1', 'connected');
    t.notifier.checkPromises();
    expect(t.shown).toEqual([]);
    expect(t.notifier.remindersHeld()).toBe(true);
    t.call('c1', 'ended');
    expect(t.shown.map((n) => n.leadId)).toEqual(['a']);
  });

  it('nothing when the rep turned notifications off, including what was held before', () => {
    const t = setup({ due: [reminder('a')] });
    notifier = t.notifier;
    t.notifier.hold('block', true);
    t.notifier.returnsSlotStarted({ start: 's1', callers: 2, phrase: 'now' });
    t.state.enabled = false;
    t.notifier.hold('block', false);
    t.notifier.checkPromises();
    expect(t.shown).toEqual([]);
    t.state.enabled = true;
    t.notifier.checkPromises();
    expect(t.shown.map((n) => n.kind)).toEqual(['promise-due']);
  });

  it('stops listening when closed', () => {
    const t = setup({ due: [reminder('a')] });
    t.notifier.close();
    t.call('c1', 'connected');
    t.notifier.checkPromises(); // explicit checks still work; only the call tracking and timer stop
    expect(t.shown).toHaveLength(1);
  });
});
