import { writeFileSync } from 'node:fs';
import type { Settings } from '../../shared/domain.js';
import { describeAnswering, InboundHistory } from '../core/returns/inbound-history.js';
import { ReturnsSlotsFile, slotsCalendar } from '../core/returns/returns-slots.js';
import type { LeadStore } from '../core/store/lead-store.js';

/** `returns [--ics FILE]`: the callers waiting for a return, oldest first, and the slots as a calendar. */
export function returnsCommand(input: { store: LeadStore; settings: Settings; dataDir: string; ics?: string; now: number; out: NodeJS.WritableStream }): number {
  const zone = input.settings.repTimeZone;
  const slots = ReturnsSlotsFile.load(input.dataDir).get();
  const history = InboundHistory.open(input.dataDir, () => input.store);
  const scriptName = (id: string, version: number) => `${id} v${version}`;
  const queue = history.queue(slots, zone, input.now, (a) => describeAnswering(a, zone, scriptName));
  const out = input.out;
  out.write(queue.slot ? `Returns slot: ${queue.slot.startsAt} to ${queue.slot.endsAt}${queue.slot.running ? ' (now)' : ''}\n` : 'No returns slot is set.\n');
  if (queue.items.length === 0) out.write('Nobody is waiting for a call back.\n');
  for (const item of queue.items) {
    const who = item.leadName ? `${item.leadName} (${item.from})` : item.from;
    const times = item.calls.length > 1 ? ` — called ${item.calls.length} times` : '';
    out.write(`${item.firstCalledAt}  ${who}${times}${item.stale ? '  [waiting over a day]' : ''}\n    ${item.why}\n`);
  }
  if (input.ics) {
    const waiting = queue.items.map((w) => w.leadName || w.from);
    writeFileSync(
      input.ics,
      slotsCalendar(slots, zone, input.now, 7, () => (waiting.length === 0 ? 'Return the calls that came in during your dial blocks.' : `${waiting.length} callers waiting: ${waiting.join(', ')}`)),
    );
    out.write(`Wrote the next 7 days of returns slots to ${input.ics}.\n`);
  }
  return 0;
}
