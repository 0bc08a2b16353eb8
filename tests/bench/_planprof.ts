import { DEFAULT_SCHEDULE_SETTINGS, type LeadRotationState, type LeadZones } from '../../shared/schedule.js';
import { createPlanningContext, planAll, type PlanningStrategy } from '../../main/core/schedule/planner.js';
import { emptyBandStats, foldAttempt, foldBandStatsInPlace } from '../../main/core/schedule/rotation-state.js';
import { seededRandom } from '../../main/core/schedule/seeded-random.js';
const rand = seededRandom(42);
const Z = ['America/New_York', 'America/Chicago', 'America/Denver', 'America/Phoenix', 'America/Los_Angeles'];
const zoneObjs: LeadZones[] = Z.map((z) => ({ zones: [z], ambiguous: false, source: 'phone', country: 'US' }));
zoneObjs.push({ zones: ['America/Chicago', 'America/Denver'], ambiguous: true, source: 'phone', country: 'US' });
const schedule = DEFAULT_SCHEDULE_SETTINGS;
const rep = { repTimeZone: 'America/Chicago', workingHours: { start: '08:00', end: '18:00', days: [1, 2, 3, 4, 5] }, daysOff: ['2025-03-17'] };
const now = Date.parse('2025-03-12T15:00:00Z');
const N = Number(process.env.N ?? 100000);
let t = performance.now();
const stats = emptyBandStats(6);
const leads = [];
for (let i = 0; i < N; i++) {
  const zones = zoneObjs[Math.floor(rand() * zoneObjs.length)];
  let at = now - 60 * 86400000 + Math.floor(rand() * 5 * 86400000);
  let state: LeadRotationState | undefined;
  for (let k = 0; k < 10; k++) {
    at += Math.floor(rand() * 5 * 86400000);
    const a = { id: `${i}-${k}`, leadId: String(i), outcome: rand() < 0.06 ? 'conversation' as const : 'no-answer' as const, startedAt: new Date(Math.min(at, now - 60000)).toISOString(), promisedFor: null };
    state = foldAttempt(state, a, zones, schedule);
    foldBandStatsInPlace(stats, a, zones, schedule);
  }
  leads.push({ leadId: String(i), state: state && rand() < 0.8 ? { ...state, status: 'active' as const, cadenceAttempts: 0, cadenceStartedAt: null } : state, zones });
}
console.log('fold', (performance.now() - t).toFixed(0));
for (const strategy of ['learning', 'least-tried', 'learning', 'least-tried', 'learning'] as PlanningStrategy[]) {
  const ctx = createPlanningContext({ rep, schedule, bandStats: stats, strategy });
  t = performance.now();
  const c0 = process.cpuUsage();
  const plans = planAll(leads, now, ctx);
  const c1 = process.cpuUsage(c0);
  console.log(strategy, plans.length, (performance.now() - t).toFixed(0), 'ms wall', ((c1.user + c1.system) / 1000).toFixed(0), 'ms cpu');
}
import { Session } from 'node:inspector/promises';
if (process.env.PROF) {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  const ctx = createPlanningContext({ rep, schedule, bandStats: stats, strategy: 'learning' });
  const t0 = performance.now();
  planAll(leads, now + 86400000 * 3, ctx);
  console.log('profiled', (performance.now() - t0).toFixed(0));
  const { profile } = await session.post('Profiler.stop');
  const cnt = new Map<number, number>();
  profile.samples!.forEach((s, i) => cnt.set(s, (cnt.get(s) ?? 0) + (profile.timeDeltas![i] ?? 0)));
  const self = new Map<string, number>();
  for (const n of profile.nodes) { const k = `${n.callFrame.functionName} ${n.callFrame.url.split('/').slice(-2).join('/')}:${n.callFrame.lineNumber}`; self.set(k, (self.get(k) ?? 0) + (cnt.get(n.id) ?? 0)); }
  for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 22)) console.log((v / 1000).toFixed(0).padStart(6), k);
}
