import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppStatus, DialdeskEvent, LeadPage, NumberCheck } from '../../../shared/contract/index.js';
import type { Settings } from '../../../shared/domain.js';
import type { CallView } from '../../../shared/sip.js';
import { createCoreHost } from '../../../main/core/core-host.js';
import type { Core } from '../../../main/core/core.js';
import { createConfSettings } from '../../../main/core/settings/conf-settings.js';
import type { MediaBridgeFactory } from '../../../main/core/sip/media-bridge.js';
import { PRACTICE_STAND_INS } from '../../../main/core/practice/practice-folder.js';
import { createMemorySecrets } from '../../support/memory-stores.js';
import { useTempDirs } from '../../support/temp-dir.js';
import { value } from '../../support/core-fixture.js';

/** 22:30 in New York on a Tuesday: outside every sample lead's hours, and the rep's. */
const LATE_EVENING = new Date('2026-12-02T03:30:00Z');

/** Call media without a renderer: an offer, then whatever the far end answers. */
const media: MediaBridgeFactory = {
  create: () => ({
    getDescription: async () => ({ body: 'v=0 offer', contentType: 'application/sdp' }),
    setDescription: async () => undefined,
    sendDtmf: async () => true,
    setMute: async () => undefined,
    close: () => undefined,
  }),
};

/** Every attempt line in a data folder's attempts/ (none when it has no such folder). */
function attemptLines(dataDir: string): string[] {
  const dir = join(dataDir, 'attempts');
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => f.endsWith('.jsonl')).flatMap((f) => readFileSync(join(dir, f), 'utf8').split('\n').filter(Boolean));
}

describe('the core host: the real folder or the practice folder, one at a time', () => {
  const tempDir = useTempDirs();
  let host: Core | null = null;
  afterEach(async () => {
    await host?.close();
    host = null;
  });

  const start = async (dataDir: string, settings: Partial<Settings> = {}) => {
    const seen: DialdeskEvent[] = [];
    host = await createCoreHost({
      dataDir,
      settings: (dir) => {
        const store = createConfSettings(dir);
        if (dir === dataDir) store.update(settings);
        return store;
      },
      secrets: createMemorySecrets(),
      now: () => LATE_EVENING,
      media,
      practiceSeed: 32,
    });
    host.events.subscribe((e) => seen.push(e));
    // The far end's peer: answers every practice offer at once.
    host.events.subscribe((e) => {
      if (e.type === 'practice.far-end.offer') void host!.dispatch('practiceAnswer', { callId: e.callId, sdp: 'v=0 far end' });
    });
    return { host, seen, call: <T>(name: string, input: unknown = {}) => value<T>(host!.dispatch(name, input)) };
  };

  it('enters practice on its own folder with the sample leads and the rep’s settings, and leaves it for the real one', async () => {
    const dataDir = tempDir();
    const { seen, call } = await start(dataDir, { repName: 'Jamie Real', repTimeZone: 'America/Chicago' });
    expect(await call<AppStatus>('getStatus')).toMatchObject({ practice: false, dataDir, leadCount: 0 });
    await expect(call('getPracticeRun')).rejects.toThrow(/Not in practice/);

    const entered = await call<AppStatus>('enterPractice');
    expect(entered).toMatchObject({ practice: true, dataDir: join(dataDir, 'practice'), leadCount: 15 });
    expect(seen).toContainEqual({ type: 'practice.changed', practice: true });
    const settings = await call<Settings>('getSettings');
    // The rep's own where set; fictional stand-ins where a voicemail would otherwise have a gap.
    expect(settings).toMatchObject({ repName: 'Jamie Real', repTimeZone: 'America/Chicago', repCompany: PRACTICE_STAND_INS.repCompany, callbackNumber: PRACTICE_STAND_INS.callbackNumber });
    expect(await call('getSipAccount')).toBeNull();
    expect((await call<{ seed: number }>('getPracticeRun')).seed).toBe(32);
    // Entering again changes nothing.
    expect(await call<AppStatus>('enterPractice')).toMatchObject({ practice: true, leadCount: 15 });

    const left = await call<AppStatus>('leavePractice');
    expect(left).toMatchObject({ practice: false, dataDir, leadCount: 0 });
    expect(seen).toContainEqual({ type: 'practice.changed', practice: false });
    expect((await call<Settings>('getSettings')).repCompany).toBe('');
    expect(await call<AppStatus>('leavePractice')).toMatchObject({ practice: false });
  });

  it('practice never reaches an export', async () => {
    const { call } = await start(tempDir());
    await call('enterPractice');
    for (const [name, input] of [['exportCsv', { kind: 'attempts' }], ['exportCsv', { kind: 'leads' }], ['exportInboundCsv', {}], ['exportReturnsIcs', {}]] as const) {
      await expect(call(name, input), name).rejects.toThrow(/Practice data is never exported.*Leave practice to export your real data/);
    }
    await call('leavePractice');
    expect(await call<string>('exportCsv', { kind: 'leads' })).toMatch(/^/);
  });

  it('dials outside the hours only on the practice line, shows the hours as in real life, and still honours do-not-call', async () => {
    const dataDir = tempDir();
    const { call } = await start(dataDir);
    await call('loadSampleLeads');
    const [first, second] = (await call<LeadPage>('listLeads', { query: '', limit: 2 })).rows;
    // The real line: the gate refuses by the hour before anything else (no account is needed to be refused).
    const real = await call<NumberCheck>('checkNumber', { number: first.phone, leadId: first.id });
    expect(real.allowed).toBe(false);
    await expect(call('dial', { number: first.phone, leadId: first.id })).rejects.toThrow(real.reason);

    await call('enterPractice');
    const practiceLeads = (await call<LeadPage>('listLeads', { query: '', limit: 2 })).rows;
    const check = await call<NumberCheck>('checkNumber', { number: practiceLeads[0].phone, leadId: practiceLeads[0].id });
    expect(check.allowed).toBe(true);
    expect(check.reason).toMatch(/^Practice: Outside .*hours in real life: .*Practice calls ring no phone/);
    expect(check.legal.allowed).toBe(false);
    const placed = await call<CallView>('dial', { number: practiceLeads[0].phone, leadId: practiceLeads[0].id });
    expect(placed.remoteUri).toBe(`practice:${practiceLeads[0].phone}`);
    await call('cancelCall', { callId: placed.id });

    await call('recordOutcome', { leadId: practiceLeads[1].id, outcome: 'do-not-call' });
    await expect(call('dial', { number: practiceLeads[1].phone, leadId: practiceLeads[1].id })).rejects.toThrow(/do not call|do-not-call|opted out/i);
    // The practice folder's leads are its own copies: the real lead is not the one dialled.
    expect(practiceLeads.map((l) => l.id)).not.toContain(second.id);
  });

  it('a practice block leaves the real data as it was: no attempt, the same stats, leads and promises', async () => {
    const dataDir = tempDir();
    const { call } = await start(dataDir);
    await call('loadSampleLeads');
    const lead = (await call<LeadPage>('listLeads', { query: '', limit: 1 })).rows[0];
    // One real attempt first, so "unchanged" is about something.
    await call('recordOutcome', { leadId: lead.id, outcome: 'no-answer', startedAt: new Date(LATE_EVENING.getTime() - 86_400_000).toISOString() });
    const before = {
      attempts: attemptLines(dataDir),
      stats: await call('getStats', {}),
      leads: await call('listLeads', { query: '', limit: 100 }),
      reminders: await call('listBlockRecords', { limit: 10 }),
    };

    await call('enterPractice');
    const block = await call<{ status: string }>('startBlock', { length: { kind: 'leads', leads: 5 }, filter: {}, powerDial: false, pauseSeconds: 0 });
    expect(block.status).toBe('running');
    // Two practice calls: a box (answered, settled as a voicemail left), then whatever comes next, cancelled.
    const leads = (await call<LeadPage>('listLeads', { query: '', limit: 3 })).rows;
    const box = await call<CallView>('dial', { number: leads[0].phone, leadId: leads[0].id });
    await expect.poll(async () => (await call<CallView[]>('listCalls')).find((c) => c.id === box.id)?.status, { timeout: 15_000 }).toBe('connected');
    await call('recordVoicemailLeft', { leadId: leads[0].id, way: 'read-out', durationS: 12.5, trigger: 'beep' });
    await call('hangUp', { callId: box.id });
    await call('recordOutcome', { leadId: leads[2].id, outcome: 'conversation' });
    await call('endBlock', {});
    const practiceAttempts = attemptLines(join(dataDir, 'practice'));
    expect(practiceAttempts.length).toBeGreaterThanOrEqual(2);
    expect((await call<{ firstVoicemailLeftAt: string | null }>('getPracticeRun')).firstVoicemailLeftAt).toBe(LATE_EVENING.toISOString());

    await call('leavePractice');
    expect(attemptLines(dataDir)).toEqual(before.attempts);
    expect(await call('getStats', {})).toEqual(before.stats);
    expect(await call('listLeads', { query: '', limit: 100 })).toEqual(before.leads);
    expect(await call('listBlockRecords', { limit: 10 })).toEqual(before.reminders);
    // And no practice attempt id turned up in any file of the real folder's own logs.
    const practiceIds = practiceAttempts.map((line) => /"id":"([^"]+)"/.exec(line)?.[1]);
    expect(practiceIds.every(Boolean)).toBe(true);
    const realText = attemptLines(dataDir).join('\n');
    for (const id of practiceIds) expect(realText).not.toContain(id!);
  }, 30_000);
});
