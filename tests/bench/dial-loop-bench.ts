/**
 * `dial_loop.*`: a power-dial block of 200 leads with zero pause, run by a real core against
 * Kamailio and a sipp lead phone (scenarios/uas_by_number.xml) that answers, rejects or rings out
 * by the dialled number's last digit. The bench plays the rep: it hangs up an answered call after
 * the talk time and keys its outcome the moment the call has ended.
 *
 * Measured on the wire (wire-relay.ts) and against the scenario's own times:
 * - outcome → next INVITE: from the instant an outcome is recorded to the next call's first INVITE
 *   leaving for the server. The outcome instant of a call SIP settles (busy, declined, rung out)
 *   is its final response arriving on the wire — the core records the attempt as it handles that
 *   response, so the figure includes the handling; of an answered call it is the bench's settle
 *   dispatch (the rep's outcome key).
 * - bound ratio: the sum of the scenario's ring and talk times (a block with no overhead at all)
 *   over the block's real length, from startBlock to the last outcome.
 * Run under `flock /tmp/dialdesk-lab.lock` (fixed lab ports).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, type Core } from '../../main/core/core.js';
import type { ImportPreview, ImportReport, LeadDetail, LeadPage } from '../../shared/contract/index.js';
import type { BlockView } from '../../shared/dial-block.js';
import { RING_TIMEOUT_MIN_SECONDS, type RegistrationState } from '../../shared/sip.js';
import { Lab, LAB_PASSWORD, LAB_WS_URL, withTimeout, type LabProcess } from '../lab/lab.js';
import { labAccount } from '../lab/sip-client.js';
import { value } from '../support/core-fixture.js';
import { createPlainRtpMedia } from '../support/media/plain-rtp-media.js';
import { createMemorySecrets, createMemorySettings } from '../support/memory-stores.js';
import type { BenchReport } from './bench-report.js';
import { startWireRelay, type WireRecord } from './wire-relay.js';

/** What the lead's phone does, chosen by the number's last digit (see the scenario). */
const PLAYS = {
  answered: { count: 150, digits: [0, 1, 2, 3, 4, 5, 6], status: 200, outcome: 'conversation' },
  busy: { count: 20, digits: [7], status: 486, outcome: 'busy' },
  declined: { count: 20, digits: [8], status: 603, outcome: 'busy' },
  'rung out': { count: 10, digits: [9], status: 487, outcome: 'no-answer' },
} as const;
type Play = keyof typeof PLAYS;
const LEADS = Object.values(PLAYS).reduce((n, p) => n + p.count, 0);
/** sipp's ring before it answers or declines (`-d`). */
const RING_MS = 500;
/** How long the bench talks on an answered call before hanging up. */
const TALK_MS = 1_500;
/** The law's minimum, and the lab account's: a lead that never answers rings this long. */
const RING_OUT_MS = RING_TIMEOUT_MIN_SECONDS * 1000;
/** Eastern area codes: with 555-01XY, ten numbers an area code for each last digit Y. */
const AREA_CODES = ['212', '617', '305', '404'];
const COMPANY = 'Dial Loop Bench';

/** The scenario's own time for one lead: what a block with no overhead would spend on it. */
const boundMs = (play: Play) => (play === 'answered' ? RING_MS + TALK_MS : play === 'declined' ? RING_MS : play === 'busy' ? 0 : RING_OUT_MS);

const clock = () => performance.timeOrigin + performance.now();

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** The block's leads: numbers whose last digit selects each play, in a deterministic mix. */
function leadNumbers(): Array<{ number: string; play: Play }> {
  const leads: Array<{ number: string; play: Play }> = [];
  for (const [play, { count, digits }] of Object.entries(PLAYS) as Array<[Play, (typeof PLAYS)[Play]]>) {
    for (let k = 0; k < count; k++) {
      const rest = Math.floor(k / digits.length);
      const tens = Math.floor(rest / AREA_CODES.length);
      if (tens > 9) throw new Error(`too many ${play} leads for the 555-01XY numbers`);
      leads.push({ number: `+1${AREA_CODES[rest % AREA_CODES.length]}55501${tens}${digits[k % digits.length]}`, play });
    }
  }
  return leads;
}

const playOf = (number: string): Play => {
  const digit = Number(number.at(-1));
  return (Object.keys(PLAYS) as Play[]).find((play) => (PLAYS[play].digits as readonly number[]).includes(digit))!;
};

async function importLeads(core: Core, numbers: string[]): Promise<void> {
  const csv = ['First Name,Last Name,Company,Work Phone', ...numbers.map((n, i) => `Lead,${String(i + 1).padStart(3, '0')},${COMPANY},${n}`)].join('\n');
  const file = { fileName: 'dial-loop.csv', contentBase64: Buffer.from(csv).toString('base64') };
  const preview = await value<ImportPreview>(core.dispatch('previewImport', file));
  const report = await value<ImportReport>(core.dispatch('commitImport', { ...file, mapping: preview.mapping }));
  if (report.imported !== numbers.length) throw new Error(`imported ${report.imported} of ${numbers.length} leads: ${JSON.stringify(report.rejected.slice(0, 3))}`);
}

async function waitRegistered(core: Core): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if ((await value<RegistrationState>(core.dispatch('getRegistration', {}))).status === 'registered') return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the core never registered with Kamailio');
}

/** Runs the block as a rep with zero pause would; resolves once it has ended. */
function playTheRep(core: Core, fail: (why: string) => void) {
  const dialled: Array<{ callId: string; number: string }> = [];
  const settledAt = new Map<string, number>();
  let finished!: (block: BlockView) => void;
  const ended = new Promise<BlockView>((resolve) => (finished = resolve));
  const unsubscribe = core.events.subscribe((event) => {
    if (event.type === 'sip.call' && event.call.direction === 'outbound') {
      const call = event.call;
      if (event.previous === null) dialled.push({ callId: call.id, number: call.number });
      if (call.status === 'connected' && event.previous !== 'connected') {
        setTimeout(() => void value(core.dispatch('hangUp', { callId: call.id })).catch((e) => fail(`hang up ${call.number}: ${String(e)}`)), TALK_MS);
      }
    }
    if (event.type === 'dial-block.changed' && event.block) {
      const block = event.block;
      // The call has ended and waits for its outcome: the rep keys it at once.
      if (block.phase === 'settling' && block.callId && !settledAt.has(block.callId)) {
        settledAt.set(block.callId, clock());
        void value(core.dispatch('settleCall', { id: block.callId, outcome: 'conversation' })).catch((e) => fail(`settle ${block.callId}: ${String(e)}`));
      }
      if (block.status === 'ended') finished(block);
    }
  });
  return { dialled, settledAt, ended, unsubscribe };
}

export async function benchmarkDialLoop(report: BenchReport): Promise<void> {
  const lab = new Lab('dial-loop');
  const dataDir = mkdtempSync(join(tmpdir(), 'dialdesk-dial-loop-'));
  const relay = await startWireRelay(LAB_WS_URL);
  let core: Core | null = null;
  let uas: LabProcess | null = null;
  let failed = false;
  try {
    report.note(`load average at start: ${loadavg().map((l) => l.toFixed(2)).join(', ')}`);
    await lab.startKamailio({ auth: true });
    uas = await lab.startSipp({ role: 'uas', scenario: 'uas_by_number.xml', rtpEcho: true, calls: LEADS, pauseMs: RING_MS, timeoutSeconds: 1800 });
    // A Tuesday 10:00 in New York, running at real speed: the dial gate sees a legal hour throughout.
    const offset = Date.parse('2026-12-01T15:00:00Z') - Date.now();
    const settings = createMemorySettings({ repTimeZone: 'America/New_York', workingHours: { start: '08:00', end: '20:00', days: [1, 2, 3, 4, 5] } });
    core = await createCore({ dataDir, settings, secrets: createMemorySecrets(), now: () => new Date(Date.now() + offset), media: createPlainRtpMedia() });
    const leads = leadNumbers();
    await importLeads(core, leads.map((l) => l.number));
    await value(core.dispatch('saveSipAccount', { account: labAccount({ serverUrl: relay.url, ringTimeoutSeconds: RING_TIMEOUT_MIN_SECONDS }), password: LAB_PASSWORD }));
    await waitRegistered(core);

    const problems: string[] = [];
    const rep = playTheRep(core, (why) => problems.push(why));
    const startedAt = clock();
    const started = await value<BlockView>(core.dispatch('startBlock', { length: { kind: 'leads', leads: LEADS }, filter: { text: COMPANY }, powerDial: true, pauseSeconds: 0 }));
    if (started.remaining + 1 !== LEADS) throw new Error(`the block queued ${started.remaining + 1} leads, not ${LEADS}`);
    report.note(`block of ${LEADS} leads started: ${Object.entries(PLAYS).map(([play, p]) => `${p.count} ${play}`).join(', ')}; ring ${RING_MS} ms, talk ${TALK_MS} ms, ring-out ${RING_OUT_MS / 1000} s`);
    const allowedMs = 2 * leads.reduce((n, l) => n + boundMs(l.play), 0) + 60_000;
    const block = await withTimeout(rep.ended, allowedMs, `the block did not end within ${allowedMs / 1000} s (${rep.dialled.length} calls placed); see ${lab.runDir}`);
    rep.unsubscribe();
    const exit = await uas.waitExit(20_000);
    if (exit.code !== 0) problems.push(`sipp exited ${JSON.stringify(exit)}: not every call played its scenario to the end`);

    const wire = await relay.records();
    const invites = wire.filter((r): r is Extract<WireRecord, { kind: 'invite' }> => r.kind === 'invite');
    const finals = new Map(wire.flatMap((r) => (r.kind === 'final' ? [[r.callId, r] as const] : [])));
    if (block.counts.dials !== LEADS || rep.dialled.length !== LEADS || invites.length !== LEADS) {
      problems.push(`${block.counts.dials} dials counted, ${rep.dialled.length} calls placed, ${invites.length} INVITEs on the wire; expected ${LEADS} each`);
    }

    // Pair each call with its INVITE (calls are one at a time, in order) and check what it played.
    const outcomeAt: number[] = [];
    const byPlay = new Map<Play, number>();
    let bound = 0;
    rep.dialled.slice(0, invites.length).forEach((call, i) => {
      const invite = invites[i];
      const play = playOf(call.number);
      const final = finals.get(invite.callId);
      if (!invite.uri.startsWith(`sip:${call.number.slice(1)}@`)) problems.push(`call ${i} dialled ${call.number} but its INVITE went to ${invite.uri}`);
      if (final?.status !== PLAYS[play].status) problems.push(`${call.number} (${play}) ended ${final?.status ?? 'without a final response'}, expected ${PLAYS[play].status}`);
      const at = play === 'answered' ? rep.settledAt.get(call.callId) : final?.at;
      if (at === undefined) problems.push(`${call.number} (${play}) has no outcome instant`);
      outcomeAt.push(at ?? NaN);
      byPlay.set(play, (byPlay.get(play) ?? 0) + 1);
      bound += boundMs(play);
    });

    // One attempt a lead, the outcome its play means.
    const recorded = new Map<string, number>();
    const rows = (await value<LeadPage>(core.dispatch('listLeads', { query: COMPANY, limit: 1000 }))).rows;
    for (const row of rows) {
      const detail = await value<LeadDetail>(core.dispatch('getLead', { id: row.id }));
      const play = playOf(detail.lead.phone);
      for (const attempt of detail.attempts) recorded.set(attempt.outcome, (recorded.get(attempt.outcome) ?? 0) + 1);
      if (detail.attempts.length !== 1 || detail.attempts[0].outcome !== PLAYS[play].outcome) {
        problems.push(`${detail.lead.phone} (${play}): attempts ${JSON.stringify(detail.attempts.map((a) => a.outcome))}, expected ["${PLAYS[play].outcome}"]`);
      }
    }
    const attempts = [...recorded.values()].reduce((n, c) => n + c, 0);
    if (attempts !== LEADS) problems.push(`${attempts} attempts recorded, expected ${LEADS}`);
    if (problems.length > 0) {
      failed = true;
      throw new Error(`dial loop: the block did not play as the scenario said (${problems.length} problems):\n  ${problems.slice(0, 20).join('\n  ')}`);
    }

    const gaps = invites.slice(1).map((invite, i) => invite.at - outcomeAt[i]);
    const elapsedMs = outcomeAt[outcomeAt.length - 1] - startedAt;
    const perHour = (ms: number) => (LEADS * 3_600_000) / ms;
    report.note(`calls by what the phone did: ${[...byPlay].map(([play, n]) => `${play} ${n}`).join(', ')}`);
    const after = (play: Play) => gaps.filter((_, i) => playOf(rep.dialled[i].number) === play);
    report.note(`outcome → next INVITE p50/p95 by the call before: ${(Object.keys(PLAYS) as Play[]).map((play) => `${play} ${percentile(after(play), 50).toFixed(1)}/${percentile(after(play), 95).toFixed(1)} ms`).join(', ')}`);
    report.note(`attempts recorded: ${attempts} (${[...recorded].map(([outcome, n]) => `${outcome} ${n}`).join(', ')})`);
    report.figure('dial_loop.dials', LEADS, { label: 'dials in the block', digits: 0 });
    report.figure('dial_loop.outcome_to_invite_p50_ms', percentile(gaps, 50), { label: 'outcome recorded → next INVITE on the wire, p50', unit: 'ms' });
    report.figure('dial_loop.outcome_to_invite_p95_ms', percentile(gaps, 95), { label: 'outcome recorded → next INVITE on the wire, p95', unit: 'ms', target: { max: 50 } });
    report.figure('dial_loop.outcome_to_invite_max_ms', Math.max(...gaps), { label: 'outcome recorded → next INVITE, worst', unit: 'ms' });
    report.figure('dial_loop.elapsed_s', elapsedMs / 1000, { label: 'block length, start to last outcome', unit: 's' });
    report.figure('dial_loop.bound_s', bound / 1000, { label: 'the scenario’s ring and talk times alone', unit: 's' });
    report.figure('dial_loop.dials_per_hour', perHour(elapsedMs), { label: 'dials per hour achieved' });
    report.figure('dial_loop.bound_dials_per_hour', perHour(bound), { label: 'dials per hour the scenario allows' });
    report.figure('dial_loop.bound_ratio', bound / elapsedMs, { label: 'achieved share of that bound', digits: 3, target: { min: 0.95 } });
    report.note(`load average at the end: ${loadavg().map((l) => l.toFixed(2)).join(', ')}`);
  } catch (error) {
    failed = true;
    throw error;
  } finally {
    await core?.close();
    await relay.close();
    await lab.stopAll();
    if (failed || process.env.DIALDESK_LAB_KEEP) report.note(`lab run kept: ${lab.runDir}`);
    else lab.remove();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
