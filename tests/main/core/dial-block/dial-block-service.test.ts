/**
 * The dial-block service over a real store, schedule and scripts, with the SIP line replaced by
 * a scripted far end that sends the same call events core.ts forwards (the lab and e2e tests
 * drive the real line).
 */
import { createDialGate } from '../../../../main/core/calling/dial-gate.js';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createEventHub, type EventHub } from '../../../../main/core/api/event-hub.js';
import { ApiFailure } from '../../../../main/core/api/api-failure.js';
import { createDialBlockService, type DialBlockService } from '../../../../main/core/dial-block/dial-block-service.js';
import { DoNotCallStore } from '../../../../main/core/schedule/do-not-call-store.js';
import { createScheduleService, type ScheduleService } from '../../../../main/core/schedule/schedule-service.js';
import { ScriptLibrary } from '../../../../main/core/scripts/script-library.js';
import { createMemorySettings } from '../../../support/memory-stores.js';
import { statsFoldFactory } from '../../../../main/core/stats/stats-fold.js';
import { LeadStore } from '../../../../main/core/store/lead-store.js';
import type { DialdeskEvent } from '../../../../shared/contract/index.js';
import type { BlockView } from '../../../../shared/dial-block.js';
import type { CallOutcome } from '../../../../shared/domain.js';
import type { CallView } from '../../../../shared/sip.js';
import { makeLead } from '../../../support/fixtures.js';
import { call as callView } from '../../../support/sip-views.js';
import { useTempDirs } from '../../../support/temp-dir.js';

const NY = { zones: ['America/New_York'], ambiguous: false, source: 'import' as const, country: 'US', places: ['US'] };

interface Harness {
  service: DialBlockService;
  store: LeadStore;
  schedule: ScheduleService;
  hub: EventHub;
  events: DialdeskEvent[];
  suppression: boolean[];
  calls: CallView[];
  clock: { now: Date };
  settings: ReturnType<typeof createMemorySettings>;
  /** Plays the far end of the last dialled call. */
  farEnd(how: 'answer' | 'no-answer' | 'busy' | 'reject', opts?: { hangUp?: boolean }): Promise<void>;
  hangUp(): Promise<void>;
  close(): Promise<void>;
}

async function start(dir: string, leadCount = 5, clock = { now: new Date('2026-12-01T15:00:00Z') }): Promise<Harness> {
  const settings = createMemorySettings({
    repName: 'Alex Rivera',
    repCompany: 'Northwind',
    callbackNumber: '+12125550199',
    repTimeZone: 'America/New_York',
    workingHours: { start: '08:00', end: '20:00', days: [1, 2, 3, 4, 5] },
  });
  const store = await LeadStore.open(dir, {
    repTimeZone: () => 'America/New_York',
    historyFold: statsFoldFactory(() => 'America/New_York'),
    schedule: () => settings.get().schedule,
  });
  if (store.leadCount === 0) {
    await store.addLeads(
      Array.from({ length: leadCount }, (_, i) =>
        makeLead({ firstName: `Lead${i}`, phone: `+1212555010${i}`, otherPhones: [`+1917555010${i}`], zones: NY, timeZone: 'America/New_York' }),
      ),
    );
  }
  const now = () => clock.now;
  const scripts = await ScriptLibrary.open(dir, now());
  const doNotCall = await DoNotCallStore.open(dir, now(), now);
  const gate = createDialGate({ store: () => store, settings, doNotCall, now });
  const schedule = createScheduleService({ store: () => store, settings, scripts, gate, now });
  const hub = createEventHub();
  const events: DialdeskEvent[] = [];
  hub.subscribe((e) => events.push(e));
  const suppression: boolean[] = [];
  const calls: CallView[] = [];
  const service = createDialBlockService({
    dataDir: dir,
    store: () => store,
    schedule,
    scripts,
    settings,
    events: hub,
    now,
    dial: async ({ number, leadId }) => {
      // The app's gate, as placeCall asks it before every dial.
      const verdict = await gate.checkNumber(number, { leadId, at: now().getTime() });
      if (!verdict.allowed) throw new ApiFailure('refused', verdict.reason);
      const call = callView({ id: randomUUID(), number, remoteUri: `sip:${number}@lab`, leadId, startedAt: now().toISOString() });
      calls.push(call);
      return { ...call };
    },
    cancelCall: async () => null,
    setDialBlockActive: (active) => suppression.push(active),
  });
  const emit = (call: CallView) => service.onCall({ ...call });
  /** What core.ts does when SIP ends a call: SIP-settled outcomes are recorded, an answered one stays open. */
  const endCall = async (call: CallView, outcome: CallOutcome, sipStatus: number) => {
    Object.assign(call, { status: 'ended', endedAt: now().toISOString(), sipStatus, outcome });
    if (outcome === 'answered') {
      await service.onAnsweredCallEnded({ callId: call.id, leadId: call.leadId!, startedAt: call.startedAt, endedAt: call.endedAt!, sipStatus });
    } else {
      await store.recordAttempt({
        id: randomUUID(),
        callId: call.id,
        leadId: call.leadId!,
        outcome,
        startedAt: call.startedAt,
        endedAt: call.endedAt,
        recordedAt: now().toISOString(),
        source: 'call',
        note: '',
        sipStatus,
        scriptId: null,
        scriptVersion: null,
        promisedFor: null,
      });
    }
    emit(call);
  };
  return {
    service,
    settings,
    store,
    schedule,
    hub,
    events,
    suppression,
    calls,
    clock,
    async farEnd(how, opts = {}) {
      const call = calls.at(-1)!;
      call.status = 'ringing';
      emit(call);
      if (how === 'answer') {
        Object.assign(call, { status: 'connected', answeredAt: now().toISOString() });
        emit(call);
        if (opts.hangUp) await endCall(call, 'answered', 200);
      } else if (how === 'no-answer') await endCall(call, 'no-answer', 487);
      else if (how === 'busy') await endCall(call, 'busy', 486);
      else await endCall(call, 'busy', 603);
    },
    async hangUp() {
      await endCall(calls.at(-1)!, 'answered', 200);
    },
    async close() {
      await service.close();
      await store.close();
    },
  };
}

const call = async <T>(handler: () => T | Promise<T>): Promise<T> => await handler();

describe('dial block service', () => {
  const tempDir = useTempDirs();
  let h: Harness | null = null;
  afterEach(async () => {
    await h?.close();
    h = null;
  });

  it('runs a 5-lead block: answered calls are settled once, SIP outcomes move on at once, the summary counts match', async () => {
    h = await start(tempDir());
    const { service } = h;
    const started = await call(() => service.handlers.startBlock({ length: { kind: 'leads', leads: 5 }, filter: {}, powerDial: false, pauseSeconds: 3 }));
    expect(started).toMatchObject({ status: 'running', phase: 'ready', remaining: 4 });
    expect(started.current?.openerKind).toBe('script');
    expect(h.suppression).toEqual([true]);

    // 1: a machine answers; the rep leaves a voicemail after the call ended.
    await service.handlers.blockDial({});
    await h.farEnd('answer', { hangUp: true });
    expect((await service.handlers.getBlock({}))!.phase).toBe('settling');
    const open = await service.handlers.listOpenCalls({});
    expect(open).toHaveLength(1);
    const voicemail = await service.handlers.settleCall({ id: open[0].callId, outcome: 'voicemail' });
    expect(voicemail).toMatchObject({ outcome: 'voicemail', source: 'call', sipStatus: 200, callId: open[0].callId, id: open[0].attemptId });
    expect(voicemail.promisedFor).not.toBeNull();
    expect((await service.handlers.getBlock({}))!.phase).toBe('ready');

    // 2: rings out, 3: busy, 4: rejected — each SIP-settled, the next lead is ready at once.
    for (const how of ['no-answer', 'busy', 'reject'] as const) {
      await service.handlers.blockDial({});
      await h.farEnd(how);
      expect((await service.handlers.getBlock({}))!.phase).toBe('ready');
    }

    // 5: a person answers; settled as a conversation while still on the call, then hang up.
    await service.handlers.blockDial({});
    await h.farEnd('answer');
    const callId = h.calls.at(-1)!.id;
    await service.handlers.settleCall({ id: callId, outcome: 'conversation', permission: 'yes' });
    expect((await service.handlers.getBlock({}))!.phase).toBe('answered');
    await h.hangUp();

    // Five dials: the block ended itself, with a record.
    const ended = (await service.handlers.getBlock({}))!;
    expect(ended.status).toBe('ended');
    expect(h.suppression.at(-1)).toBe(false);
    const [record] = await service.handlers.listBlockRecords({ limit: 10 });
    expect(record.counts).toMatchObject({ dials: 5, conversations: 1, voicemailsLeft: 1, promisesMade: 1, skipped: 0 });
    expect(record.conversationRate).toBeCloseTo(0.2);

    // One attempt per call: five in the store, none left open.
    expect([...h.store.allAttempts()].map((a) => a.outcome).sort()).toEqual(['busy', 'busy', 'conversation', 'no-answer', 'voicemail']);
    expect(await service.handlers.listOpenCalls({})).toEqual([]);
    // Settling the same call twice is refused, not recorded twice.
    await expect(service.handlers.settleCall({ id: callId, outcome: 'conversation' })).rejects.toThrow(/No answered call/);

    const stats = await service.handlers.getStats({});
    expect(stats).toMatchObject({ dials: 5, conversations: 1, voicemailsLeft: 1, conversationRate: 0.2 });
    expect(stats.byHour[10]).toMatchObject({ dials: 5, conversations: 1 });
  });

  it('a promise that falls due mid-block enters the running queue at its time, ahead of the other leads', async () => {
    h = await start(tempDir(), 5);
    const { service, store } = h;
    const promisedLead = [...store.allLeads()][4];
    // Yesterday's voicemail (at 07:00, outside every band, so the band rates stay even) promised a call
    // today at 10:20 (15:20Z): not due when the block starts at 10:00.
    const promisedAt = '2026-12-01T15:20:00.000Z';
    await store.recordAttempt({
      id: randomUUID(), leadId: promisedLead.id, outcome: 'voicemail', startedAt: '2026-11-30T12:00:00.000Z', recordedAt: '2026-11-30T12:01:00.000Z',
      endedAt: null, source: 'call', note: '', sipStatus: 200, scriptId: null, scriptVersion: null, promisedFor: promisedAt,
    });
    const started = await service.handlers.startBlock({ length: { kind: 'minutes', minutes: 45 }, filter: {}, powerDial: false, pauseSeconds: 3 });
    expect(started.current?.leadId).not.toBe(promisedLead.id);

    // The first call rings while 10:20 passes; SIP settles it busy: the promised lead is next, ahead of the rest.
    await service.handlers.blockDial({});
    h.clock.now = new Date('2026-12-01T15:20:30Z');
    await h.farEnd('busy');
    const after = (await service.handlers.getBlock({}))!;
    expect(after.current?.leadId).toBe(promisedLead.id);
    expect(after.phase).toBe('ready');
  });

  it('the promise clock puts a promise due now in front of the rep when no call is up', async () => {
    h = await start(tempDir(), 5);
    const { service, store } = h;
    const promisedLead = [...store.allLeads()][3];
    await store.recordAttempt({
      id: randomUUID(), leadId: promisedLead.id, outcome: 'voicemail', startedAt: '2026-11-30T12:00:00.000Z', recordedAt: '2026-11-30T12:01:00.000Z',
      endedAt: null, source: 'call', note: '', sipStatus: 200, scriptId: null, scriptVersion: null, promisedFor: '2026-12-01T15:10:00.000Z',
    });
    const started = await service.handlers.startBlock({ length: { kind: 'leads', leads: 5 }, filter: {}, powerDial: false, pauseSeconds: 3 });
    const waitingBefore = started.remaining;
    h.clock.now = new Date('2026-12-01T15:10:00Z');
    expect(service.takeDuePromises()).toBe(true);
    const view = (await service.handlers.getBlock({}))!;
    expect(view.current?.leadId).toBe(promisedLead.id);
    // Taken once: the clock waking again does not queue it twice.
    expect(service.takeDuePromises()).toBe(false);
    expect(view.remaining).toBe(waitingBefore + 1);
  });

  it('a dial block set in Settings is announced at its start with its leads and promises', async () => {
    h = await start(tempDir(), 5);
    const { service, store, settings } = h;
    const promisedLead = [...store.allLeads()][2];
    await store.recordAttempt({
      id: randomUUID(), leadId: promisedLead.id, outcome: 'voicemail', startedAt: '2026-11-30T12:00:00.000Z', recordedAt: '2026-11-30T12:01:00.000Z',
      endedAt: null, source: 'call', note: '', sipStatus: 200, scriptId: null, scriptVersion: null, promisedFor: '2026-12-01T15:20:00.000Z',
    });
    // 10:00–10:45 every weekday; it is 10:00 on a Tuesday.
    settings.update({ schedule: { ...settings.get().schedule, dialBlocks: [{ days: [1, 2, 3, 4, 5], start: '10:00', end: '10:45' }] } });
    service.rescheduleBlocks();
    const announced = h.events.filter((e) => e.type === 'dial-block.scheduled');
    expect(announced).toEqual([
      { type: 'dial-block.scheduled', block: expect.objectContaining({ startClock: '10:00', leads: 5, promised: 1, minutes: 45, startsAt: '2026-12-01T10:00:00-05:00' }) },
    ]);
    // Said once: looking again does not say it twice.
    service.rescheduleBlocks();
    expect(h.events.filter((e) => e.type === 'dial-block.scheduled')).toHaveLength(1);
  });

  it('keeps the announced block for a page that connects late, until it is dismissed, started or over', async () => {
    h = await start(tempDir(), 5);
    const { service, settings } = h;
    expect(await service.handlers.getScheduledBlock({})).toBeNull();
    settings.update({ schedule: { ...settings.get().schedule, dialBlocks: [{ days: [1, 2, 3, 4, 5], start: '10:00', end: '10:45' }] } });
    service.rescheduleBlocks();
    // The event went out before any page listened: asking afterwards still finds it.
    const late = await service.handlers.getScheduledBlock({});
    expect(late).toMatchObject({ startClock: '10:00', leads: 5, minutes: 45 });
    // Dismissing another block's id changes nothing; this one's hides it.
    await service.handlers.dismissScheduledBlock({ id: 'another' });
    expect(await service.handlers.getScheduledBlock({})).not.toBeNull();
    await service.handlers.dismissScheduledBlock({ id: late!.id });
    expect(await service.handlers.getScheduledBlock({})).toBeNull();

    // Tomorrow's block: announced, then started: no longer offered.
    h.clock.now = new Date('2026-12-02T15:00:00Z');
    service.rescheduleBlocks();
    expect(await service.handlers.getScheduledBlock({})).not.toBeNull();
    await service.handlers.startBlock({ length: { kind: 'minutes', minutes: 45 }, filter: {}, powerDial: false, pauseSeconds: 3 });
    expect(await service.handlers.getScheduledBlock({})).toBeNull();
    await service.handlers.endBlock({});

    // The day after: announced, and over once its end has passed.
    h.clock.now = new Date('2026-12-03T15:00:00Z');
    service.rescheduleBlocks();
    expect(await service.handlers.getScheduledBlock({})).not.toBeNull();
    h.clock.now = new Date('2026-12-03T15:45:00Z');
    expect(await service.handlers.getScheduledBlock({})).toBeNull();
  });

  it('gives a lead dialled outside a block the focus panel: "Calling as promised" when its promise is due', async () => {
    h = await start(tempDir(), 3);
    const { service, store } = h;
    const [plain, promised] = [...store.allLeads()];
    await store.recordAttempt({
      id: randomUUID(), leadId: promised.id, outcome: 'voicemail', startedAt: '2026-11-30T12:00:00.000Z', recordedAt: '2026-11-30T12:01:00.000Z',
      endedAt: null, source: 'call', note: '', sipStatus: 200, scriptId: null, scriptVersion: null, promisedFor: '2026-12-01T15:02:00.000Z',
    });
    const focus = await service.handlers.getLeadFocus({ leadId: promised.id });
    expect(focus).toMatchObject({ leadId: promised.id, openerKind: 'promise', opener: "Calling as promised — I said I'd try you at 10:02" });
    const other = await service.handlers.getLeadFocus({ leadId: plain.id });
    expect(other.openerKind).toBe('script');
    expect(other.opener).toMatch(/Lead0/);
    await expect(call(() => service.handlers.getLeadFocus({ leadId: 'no-such-lead' }))).rejects.toThrow(/No lead with id no-such-lead/);
  });

  it('pauses, resumes, skips with a reason, refuses what the machine forbids, and ends with a record', async () => {
    h = await start(tempDir());
    const { service } = h;
    await service.handlers.startBlock({ length: { kind: 'minutes', minutes: 30 }, filter: {}, powerDial: false, pauseSeconds: 3 });
    await service.handlers.pauseBlock({});
    expect(h.suppression).toEqual([true, false]);
    await expect(call(() => service.handlers.blockDial({}))).rejects.toThrow(/paused block .* cannot dial/);
    await service.handlers.resumeBlock({});
    const skipped = await service.handlers.skipLead({ reason: 'asked for email only' });
    expect(skipped).toMatchObject({ phase: 'ready', remaining: 3, counts: { skipped: 1 } });
    await service.handlers.blockDial({});
    expect(() => service.handlers.skipLead({ reason: 'mid-call' })).toThrow(/dialing cannot skip/);
    await expect(call(() => service.handlers.startBlock({ length: { kind: 'leads', leads: 2 }, filter: {}, powerDial: false, pauseSeconds: 0 }))).rejects.toThrow(
      /already in progress/,
    );
    await h.farEnd('no-answer');
    const record = await service.handlers.endBlock({});
    expect(record.counts).toMatchObject({ dials: 1, skipped: 1 });
    expect(() => service.handlers.pauseBlock({})).toThrow(/No dial block/);
  });

  it('survives a restart: the block comes back paused and offered for resuming, with its answered call still open', async () => {
    const dir = tempDir();
    h = await start(dir);
    await h.service.handlers.startBlock({ length: { kind: 'leads', leads: 3 }, filter: {}, powerDial: false, pauseSeconds: 3 });
    await h.service.handlers.blockDial({});
    await h.farEnd('answer', { hangUp: true });
    const before = (await h.service.handlers.getBlock({}))!;
    await h.close();

    h = await start(dir);
    const restored = (await h.service.handlers.getBlock({}))!;
    expect(restored).toMatchObject({ id: before.id, status: 'paused', phase: 'settling', restored: true, counts: { dials: 1 } });
    expect(await h.service.handlers.listOpenCalls({})).toHaveLength(1);
    await h.service.handlers.resumeBlock({});
    await h.service.handlers.settleCall({ id: before.callId!, outcome: 'gatekeeper' });
    expect((await h.service.handlers.getBlock({}))!).toMatchObject({ status: 'running', phase: 'ready', remaining: 1 });
  });

  it('after a restart the time the app was closed is not block time: a 45-minute block resumed an hour later goes on', async () => {
    const dir = tempDir();
    h = await start(dir);
    await h.service.handlers.startBlock({ length: { kind: 'minutes', minutes: 45 }, filter: {}, powerDial: false, pauseSeconds: 3 });
    h.clock.now = new Date('2026-12-01T15:05:00Z'); // five minutes of block time
    await h.service.handlers.blockDial({});
    await h.farEnd('busy');
    await h.close();

    // Back an hour later: five minutes were used, forty remain.
    h = await start(dir, 5, { now: new Date('2026-12-01T16:05:00Z') });
    const restored = (await h.service.handlers.getBlock({}))!;
    expect(restored).toMatchObject({ status: 'paused', restored: true });
    expect(restored.elapsedMs).toBe(5 * 60_000);
    await h.service.handlers.resumeBlock({});
    await h.service.handlers.blockDial({});
    await h.farEnd('busy');
    const after = (await h.service.handlers.getBlock({}))!;
    expect(after.status).toBe('running');
    expect(after.counts.dials).toBe(2);
  });

  it('power dial: the next lead is dialled after the pause, and the countdown can be stopped', async () => {
    h = await start(tempDir());
    const { service } = h;
    const view = await service.handlers.startBlock({ length: { kind: 'leads', leads: 3 }, filter: {}, powerDial: true, pauseSeconds: 1 });
    expect(view.phase).toBe('countdown');
    expect(Date.parse(view.countdownEndsAt!) - h.clock.now.getTime()).toBe(1000);
    const stopped = await service.handlers.blockCancel({});
    expect(stopped.phase).toBe('ready');
    await service.handlers.blockDial({});
    await h.farEnd('busy');
    expect((await service.handlers.getBlock({}))!.phase).toBe('countdown');
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect(h.calls).toHaveLength(2);
    expect((await service.handlers.getBlock({}))!.phase).toBe('dialing');
    // The countdown is over once it fired: the view stops counting down through the call.
    expect((await service.handlers.getBlock({}))!.countdownEndsAt).toBeNull();
  });

  it('zero pause: the next INVITE is placed the moment the outcome lands', async () => {
    h = await start(tempDir());
    await h.service.handlers.startBlock({ length: { kind: 'leads', leads: 3 }, filter: {}, powerDial: true, pauseSeconds: 0 });
    await new Promise((resolve) => setImmediate(resolve));
    expect(h.calls).toHaveLength(1);
    await h.farEnd('no-answer');
    await new Promise((resolve) => setImmediate(resolve));
    expect(h.calls).toHaveLength(2);
  });

  it('a reached lead worked again in N days: its cadence restarts, and it is not planned before that day', async () => {
    h = await start(tempDir(), 2);
    const { service, store } = h;
    await service.handlers.startBlock({ length: { kind: 'leads', leads: 1 }, filter: {}, powerDial: false, pauseSeconds: 3 });
    await service.handlers.blockDial({});
    await h.farEnd('answer');
    const leadId = h.calls[0].leadId!;
    await service.handlers.settleCall({ id: h.calls[0].id, outcome: 'conversation', permission: 'yes', workAgainInDays: 30 });
    await h.hangUp();

    const rotation = store.rotationOf(leadId)!;
    expect(rotation).toMatchObject({ status: 'active', cadenceAttempts: 0 });
    const thirtyDaysOn = h.clock.now.getTime() + 30 * 86_400_000;
    expect(rotation.notBefore).toBe(thirtyDaysOn);
    // Nothing planned for this lead before the day the rep chose; the other lead is still due now.
    const plans = h.schedule.planLeads(h.clock.now.getTime());
    expect(plans.find((p) => p.leadId === leadId)!.at).toBeGreaterThanOrEqual(thirtyDaysOn);
    expect(plans.some((p) => p.leadId !== leadId && p.at < thirtyDaysOn)).toBe(true);
  });

  it('zero pause: an answered call settled after it ended dials the next lead once its attempt is recorded, not after the open-calls file', async () => {
    const dir = tempDir();
    h = await start(dir);
    await h.service.handlers.startBlock({ length: { kind: 'leads', leads: 3 }, filter: {}, powerDial: true, pauseSeconds: 0 });
    await new Promise((resolve) => setImmediate(resolve));
    await h.farEnd('answer', { hangUp: true });
    const answered = h.calls[0];
    expect((await h.service.handlers.getBlock({}))!.phase).toBe('settling');
    const openCalls = () => readFileSync(join(dir, 'answered-calls.json'), 'utf8');
    expect(openCalls()).toContain(answered.id);
    // What the open-calls file says at the moment the block moves on to the next lead.
    let fileWhenDialling: string | null = null;
    const stop = h.hub.subscribe((e) => {
      if (e.type === 'dial-block.changed' && e.block?.phase === 'dialing' && fileWhenDialling === null) fileWhenDialling = openCalls();
    });
    const attempt = await h.service.handlers.settleCall({ id: answered.id, outcome: 'conversation' });
    stop();
    expect(h.store.attemptsFor(answered.leadId!).map((a) => a.id)).toEqual([attempt.id]);
    expect(fileWhenDialling).toContain(answered.id);
    // Settling still resolves only once the file no longer lists the call.
    expect(openCalls()).not.toContain(answered.id);
    await new Promise((resolve) => setImmediate(resolve));
    expect(h.calls).toHaveLength(2);
  });

  it('an inbound call during the block is counted quietly, queued for the returns slot matched by another number, and linked to the voicemail it answers', async () => {
    h = await start(tempDir());
    const { service, store } = h;
    await service.handlers.startBlock({ length: { kind: 'leads', leads: 5 }, filter: {}, powerDial: false, pauseSeconds: 3 });
    await service.handlers.blockDial({});
    const lead = store.getLead(h.calls[0].leadId!)!;
    await h.farEnd('answer', { hangUp: true });
    const vm = await service.handlers.settleCall({ id: h.calls[0].id, outcome: 'voicemail' });

    // The lead calls back from their mobile (another number) twenty minutes later; SIP answered 486.
    h.clock.now = new Date('2026-12-01T15:20:00Z');
    const answering = service.inboundAnswering(lead.id);
    expect(answering).toMatchObject({ voicemailAttemptId: vm.id, promisedFor: vm.promisedFor });
    const inbound = {
      id: randomUUID(),
      from: lead.otherPhones[0],
      displayName: '',
      receivedAt: h.clock.now.toISOString(),
      leadId: store.leadsWithNumber(lead.otherPhones[0])[0]!.id,
      response: 'busy-486' as const,
      reason: 'dial block active',
      answering,
    };
    await store.recordInbound(inbound);
    service.onInboundRecorded(inbound);
    expect(((await service.handlers.getBlock({})) as BlockView).counts.suppressedInbound).toBe(1);
    expect(h.events.filter((e) => e.type === 'inbound.suppressed')).toEqual([{ type: 'inbound.suppressed', count: 1 }]);

    const queue = await service.handlers.getReturnsQueue({});
    expect(queue.slot).toMatchObject({ startsAt: '2026-12-01T11:30:00-05:00', running: false });
    expect(queue.items).toHaveLength(1);
    expect(queue.items[0]).toMatchObject({ leadId: lead.id, from: lead.otherPhones[0], opener: 'Thanks for calling me back', stale: false });
    expect(queue.items[0].answering?.voicemailAttemptId).toBe(vm.id);
    expect(queue.items[0].why).toMatch(/^Probably answering the voicemail left Dec 1, 2026, 10:00 AM.*which promised a call at/);
    // When they called is in the rep's zone too, as the returns screen shows it beside the voicemail's time.
    expect(queue.items[0]).toMatchObject({ firstCalledAt: '2026-12-01T10:20:00-05:00', calls: [{ id: inbound.id, receivedAt: '2026-12-01T10:20:00-05:00' }] });

    // The return is counted for the script version of the voicemail.
    const stats = await service.handlers.getStats({ from: '2026-12-01', to: '2026-12-01' });
    expect(stats).toMatchObject({ voicemailsLeft: 1, returns: 1, returnRate: 1 });
    expect(stats.byScript).toEqual([expect.objectContaining({ scriptId: vm.scriptId, voicemails: 1, returns: 1 })]);

    const history = await service.handlers.listInbound({ query: lead.firstName, offset: 0, limit: 10 });
    expect(history.rows).toEqual([expect.objectContaining({ state: 'suppressed', leadId: lead.id, answering })]);
    const csv = await service.handlers.exportInboundCsv({});
    expect(csv.split('\n')[0]).toBe(
      'received_at,from,display_name,lead_id,lead_name,response,state,reason,answering_voicemail,voicemail_left_at,script,promised_for,returned_by_call',
    );
    expect(csv).toContain(`${inbound.receivedAt},${lead.otherPhones[0]},,${lead.id},${lead.firstName} Whitfield,busy-486,suppressed,dial block active,${vm.id}`);

    // Next day, not yet returned: rolled over and flagged; once the lead is dialled again it is returned.
    h.clock.now = new Date('2026-12-02T16:00:00Z');
    const rolled = await service.handlers.getReturnsQueue({});
    expect(rolled.items[0]).toMatchObject({ stale: true });
    expect(rolled.slot?.startsAt).toBe('2026-12-02T11:30:00-05:00');
    await service.handlers.endBlock({});
    const { callId } = await service.handlers.returnCall({ inboundId: inbound.id });
    // "Call back" dials the number the person called from, not the lead's main number.
    expect(h.calls.at(-1)).toMatchObject({ id: callId, number: lead.otherPhones[0], leadId: lead.id });
    expect((await service.handlers.listInbound({ query: '', offset: 0, limit: 10 })).rows[0]).toMatchObject({ state: 'returned', returnedBy: callId });
    expect((await service.handlers.getReturnsQueue({})).items).toEqual([]);
  });
});
