/**
 * A voicemail pins a promise only when the message spoke one; `{deadline}` is filled; the opt-out
 * message closes the lead's cadence until the lead calls back. Through the core, as the app runs it.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { LeadDetail, LeadPage, PreparedVoicemail } from '../../../../shared/contract/index.js';
import type { Attempt } from '../../../../shared/domain.js';
import { createCore, type Core } from '../../../../main/core/core.js';
import { LeadStore } from '../../../../main/core/store/lead-store.js';
import { statsFoldFactory } from '../../../../main/core/stats/stats-fold.js';
import { DEFAULT_SCHEDULE_SETTINGS } from '../../../../shared/schedule.js';
import { createMemorySecrets, createMemorySettings } from '../../../support/memory-stores.js';
import { useTempDirs } from '../../../support/temp-dir.js';

const settings = () =>
  createMemorySettings({
    repName: 'Alex Rivera',
    repCompany: 'Northwind',
    callbackNumber: '+12125550199',
    repTimeZone: 'America/New_York',
    workingHours: { start: '08:00', end: '20:00', days: [1, 2, 3, 4, 5] },
  });

async function value<T>(promise: Promise<{ ok: boolean }>): Promise<T> {
  const result = (await promise) as { ok: true; value: T } | { ok: false; error: unknown };
  if (!result.ok) throw new Error(`call failed: ${JSON.stringify(result.error)}`);
  return result.value;
}

describe('what a voicemail promised', () => {
  const tempDir = useTempDirs();
  let core: Core | null = null;
  const clock = { now: new Date('2026-12-01T15:00:00Z') }; // Tuesday 10:00 in New York
  afterEach(async () => {
    await core?.close();
    core = null;
    clock.now = new Date('2026-12-01T15:00:00Z');
  });
  const open = async (dir: string, load = true) => {
    core = await createCore({ dataDir: dir, settings: settings(), secrets: createMemorySecrets(), now: () => clock.now });
    if (load) await core.dispatch('loadSampleLeads', {});
    return core;
  };
  const lead = async (c: Core, query: string) => (await value<LeadPage>(c.dispatch('listLeads', { query }))).rows[0];
  const detail = (c: Core, id: string) => value<LeadDetail>(c.dispatch('getLead', { id }));

  it('a recorded drop speaks no time: no promise is pinned', async () => {
    const c = await open(tempDir());
    const dana = await lead(c, 'Dana');
    const { attemptId } = await value<{ attemptId: string }>(c.dispatch('recordVoicemailLeft', { leadId: dana.id, way: 'recorded', durationS: 21, trigger: 'beep' }));
    const after = await detail(c, dana.id);
    const attempt = after.attempts.find((a) => a.id === attemptId)!;
    expect(attempt).toMatchObject({ outcome: 'voicemail', promisedFor: null, scriptId: null });
    expect(after.schedule.promise).toBeNull();
  });

  it('a script without {next_attempt} promises nothing: neither the panel nor the settled attempt', async () => {
    const c = await open(tempDir());
    // Only one first-stage script left active, and it names no time.
    for (const id of ['first-referral', 'first-direct']) {
      await value(c.dispatch('saveScript', { id, stage: 'first', name: id, template: 'Hi {first_name}, {rep_name} at {callback_number}.', active: false }));
    }
    const quiet = await value<{ id: string; version: number }>(
      c.dispatch('saveScript', { stage: 'first', name: 'No time', template: 'Hi {first_name}, this is {rep_name} with {rep_company}. Call me at {callback_number}.', active: true }),
    );
    const dana = await lead(c, 'Dana');
    const prepared = await value<PreparedVoicemail>(c.dispatch('prepareVoicemail', { leadId: dana.id }));
    expect(prepared.scriptId).toBe(quiet.id);
    expect(prepared.promisedFor).toBeNull();
    const attempt = await value<Attempt>(c.dispatch('recordOutcome', { leadId: dana.id, outcome: 'voicemail' }));
    expect(attempt).toMatchObject({ promisedFor: null, scriptId: quiet.id, scriptVersion: quiet.version });
    expect((await detail(c, dana.id)).schedule.promise).toBeNull();
  });

  it('a script that speaks {next_attempt} still pins the time it spoke', async () => {
    const c = await open(tempDir());
    const dana = await lead(c, 'Dana');
    const attempt = await value<Attempt>(c.dispatch('recordOutcome', { leadId: dana.id, outcome: 'voicemail' }));
    expect(attempt.promisedFor).not.toBeNull();
    expect(attempt.scriptId).toMatch(/^first-/);
  });

  it('{deadline} is filled in the opt-out message, and that message closes the cadence until the lead calls back', async () => {
    const dir = tempDir();
    let c = await open(dir);
    const dana = await lead(c, 'Dana');
    // Three voicemails on three days (each kept its promise or not; the stage counts what was left).
    for (const day of ['2026-12-01', '2026-12-03', '2026-12-07']) {
      clock.now = new Date(`${day}T15:00:00Z`);
      await value(c.dispatch('recordOutcome', { leadId: dana.id, outcome: 'voicemail' }));
    }
    clock.now = new Date('2026-12-09T15:00:00Z'); // Wednesday
    const prepared = await value<PreparedVoicemail>(c.dispatch('prepareVoicemail', { leadId: dana.id }));
    expect(prepared.stage).toBe('opt-out');
    expect(prepared.text).not.toContain('the end of the week');
    expect(prepared.text).toMatch(/by (Friday|Saturday|Sunday|Monday|Tuesday)\./);
    expect(prepared.promisedFor).toBeNull();
    await value(c.dispatch('recordOutcome', { leadId: dana.id, outcome: 'voicemail', scriptId: prepared.scriptId, scriptVersion: prepared.scriptVersion! }));

    const closed = await detail(c, dana.id);
    expect(closed.schedule.status).toBe('closed');
    expect(closed.schedule.next).toBeNull();
    // Days later it is still closed: the last voicemail is not repeated until the attempt cap.
    clock.now = new Date('2026-12-14T15:00:00Z');
    expect((await detail(c, dana.id)).schedule.next).toBeNull();

    // Dana calls back (recorded as the line would, with the app closed in between).
    await c.close();
    core = null;
    const store = await LeadStore.open(dir, { repTimeZone: () => 'America/New_York', historyFold: statsFoldFactory(() => 'America/New_York'), schedule: () => DEFAULT_SCHEDULE_SETTINGS });
    const danaLead = store.getLead(dana.id)!;
    await store.recordInbound({ id: randomUUID(), from: danaLead.phone, displayName: '', receivedAt: clock.now.toISOString(), leadId: dana.id, response: 'missed', reason: 'no one answered' });
    await store.close();
    c = await open(dir, false);
    const reopened = await detail(c, dana.id);
    expect(reopened.schedule.status).toBe('active');
    expect(reopened.schedule.next).not.toBeNull();
  });
});
