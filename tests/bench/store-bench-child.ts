/**
 * Measures in a fresh process, so peak RSS is the store's alone: open the
 * store, record 1,000 outcomes one by one, report the figures as JSON.
 */
import { makeAttempt } from '../support/fixtures.js';
import { LeadStore } from '../../main/core/store/lead-store.js';
import { LeadListView } from '../../main/core/leads/lead-list.js';
import { doNotCallReason, optOutOf } from '../../main/core/schedule/do-not-call.js';

const [dataDir, outcomes] = [process.argv[2], Number(process.argv[3] ?? 1000)];
const openStarted = performance.now();
const store = await LeadStore.open(dataDir);
const openMs = performance.now() - openStarted;
const peakMb = () => process.resourceUsage().maxRSS / 1024;
const peaks: Record<string, number> = { open: peakMb() };

const ids = [...store.allLeads()].map((l) => l.id);
const durations: number[] = [];
for (let i = 0; i < outcomes; i++) {
  const started = performance.now();
  await store.recordAttempt(makeAttempt(ids[(i * 7919) % ids.length], i % 5 === 0 ? 'conversation' : 'no-answer', new Date().toISOString()));
  durations.push(performance.now() - started);
}
peaks.record = peakMb();
durations.sort((a, b) => a - b);
const pct = (p: number) => durations[Math.min(durations.length - 1, Math.floor((p / 100) * durations.length))];

// The list's do-not-call badge asks the one rule; this bench has no imported list.
const view = new LeadListView(store, (lead) => doNotCallReason(lead, optOutOf(store.rotationOf(lead.id), store.summaryOf(lead.id).optedOut), null) !== null);
const listStarted = performance.now();
view.page({ query: '', sort: 'name', descending: false, offset: 50_000, limit: 100 });
const firstSortMs = performance.now() - listStarted;
const pageStarted = performance.now();
view.page({ query: '', sort: 'name', descending: false, offset: 50_100, limit: 100 });
const nextPageMs = performance.now() - pageStarted;
peaks.list = peakMb();
const timelineStarted = performance.now();
const timeline = store.attemptsFor(ids[1]).length;
const timelineMs = performance.now() - timelineStarted;

peaks.timeline = peakMb();
await store.close();
peaks.close = peakMb();
process.stdout.write(
  JSON.stringify({
    openMs,
    recordP50: pct(50),
    recordP95: pct(95),
    recordMax: durations[durations.length - 1],
    firstSortMs,
    nextPageMs,
    timelineMs,
    timeline,
    peakRssMb: peakMb(),
    peaks,
  }),
);
