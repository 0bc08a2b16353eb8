import { afterEach, describe, expect, it } from 'vitest';
import type { LeadDetail, LeadPage, PreparedVoicemail } from '../../../../shared/contract/index.js';
import { DEFAULT_SCHEDULE_SETTINGS } from '../../../../shared/schedule.js';
import { createCore, type Core } from '../../../../main/core/core.js';
import { createMemorySecrets, createMemorySettings } from '../../../support/memory-stores.js';
import { useTempDirs } from '../../../support/temp-dir.js';

/** The core as the app runs it, with a clock the test moves. */
async function startCore(dataDir: string, clock: { now: Date }): Promise<Core> {
  const settings = createMemorySettings({
    repName: 'Alex Rivera',
    repCompany: 'Northwind',
    callbackNumber: '+12125550199',
    repTimeZone: 'America/New_York',
    workingHours: { start: '08:00', end: '20:00', days: [1, 2, 3, 4, 5] },
  });
  const core = await createCore({ dataDir, settings, secrets: createMemorySecrets(), now: () => clock.now });
  await core.dispatch('loadSampleLeads', {});
  return core;
}

async function value<T>(promise: Promise<{ ok: boolean }>): Promise<T> {
  const result = (await promise) as { ok: true; value: T } | { ok: false; error: unknown };
  if (!result.ok) throw new Error(`call failed: ${JSON.stringify(result.error)}`);
  return result.value;
}

describe('scheduling through the core', () => {
  const tempDir = useTempDirs();
  let core: Core | null = null;
  afterEach(async () => {
    await core?.close();
    core = null;
  });

  const leadByName = async (c: Core, query: string) => (await value<LeadPage>(c.dispatch('listLeads', { query }))).rows[0];

  it('promises the next attempt on a voicemail, keeps it, and pins the next plan to it', async () => {
    const clock = { now: new Date('2026-12-01T15:00:00Z') }; // Tuesday, 10:00 in New York
    core = await startCore(tempDir(), clock);
    const dana = await leadByName(core, 'Dana');
    const before = await value<LeadDetail>(core.dispatch('getLead', { id: dana.id }));
    expect(before.schedule.zones?.zones).toEqual(['America/New_York']);
    expect(before.schedule.dialCheck).toMatchObject({ allowed: true, legal: { allowed: true } });

    const voicemail = await value<PreparedVoicemail>(core.dispatch('prepareVoicemail', { leadId: dana.id }));
    expect(voicemail.stage).toBe('first');
    expect(voicemail.text).toContain('Dana');
    expect(voicemail.text).toContain('Alex Rivera');
    expect(voicemail.text).toContain(voicemail.promisedPhrase);
    expect(voicemail.promisedPhrase).toMatch(/^(tomorrow|Wednesday|Thursday) at \d{1,2}:\d{2}/);
    const promised = Date.parse(voicemail.promisedFor!);
    expect(promised).toBeGreaterThan(clock.now.getTime());

    const attempt = await value<{ promisedFor: string; scriptId: string }>(
      core.dispatch('recordOutcome', {
        leadId: dana.id,
        outcome: 'voicemail',
        promisedFor: voicemail.promisedFor!,
        scriptId: voicemail.scriptId!,
        scriptVersion: voicemail.scriptVersion!,
      }),
    );
    expect(Date.parse(attempt.promisedFor)).toBe(promised);
    expect(attempt.scriptId).toBe(voicemail.scriptId);

    const after = await value<LeadDetail>(core.dispatch('getLead', { id: dana.id }));
    expect(Date.parse(after.schedule.promise!.at)).toBe(promised);
    expect(after.schedule.promise!.status).toBe('open');
    expect(after.schedule.next).toMatchObject({ promised: true });
    expect(Date.parse(after.schedule.next!.at)).toBe(promised);
    expect(after.schedule.bands.reduce((n, b) => n + b.tries, 0)).toBe(1);

    // The follow-up script opens "as promised" once the first voicemail is left.
    clock.now = new Date(promised);
    const followUp = await value<PreparedVoicemail>(core.dispatch('prepareVoicemail', { leadId: dana.id }));
    expect(followUp.stage).toBe('follow-up');
  });

  it('learns from the rep’s history: each band of the lead’s strip carries its estimated answer chance', async () => {
    const clock = { now: new Date('2026-12-01T15:00:00Z') }; // Tuesday, 10:00 in New York
    core = await startCore(tempDir(), clock);
    const dana = await leadByName(core, 'Dana');
    const cold = await value<LeadDetail>(core.dispatch('getLead', { id: dana.id }));
    expect(cold.schedule.bands.every((b) => b.chance === null)).toBe(true);

    // Forty November weekdays' mornings unanswered, thirty late afternoons answered (New York, UTC−5).
    for (let i = 0; i < 70; i++) {
      const day = String(2 + (i % 25)).padStart(2, '0');
      const startedAt = i < 40 ? `2026-11-${day}T15:30:00Z` : `2026-11-${day}T21:30:00Z`;
      await value(core.dispatch('recordOutcome', { leadId: dana.id, outcome: i < 40 ? 'no-answer' : 'conversation', startedAt }));
    }
    const learned = await value<LeadDetail>(core.dispatch('getLead', { id: dana.id }));
    const chance = (id: string) => learned.schedule.bands.find((b) => b.id === id)!.chance!;
    expect(learned.schedule.bands.every((b) => b.chance !== null && b.chance > 0 && b.chance < 1)).toBe(true);
    expect(chance('16-18')).toBeGreaterThan(0.3);
    expect(chance('10-12')).toBeLessThan(0.05);
  });

  it('refuses a dial outside the lead\'s legal window and to a do-not-call number, with the reason', async () => {
    const clock = { now: new Date('2026-12-01T12:30:00Z') }; // 7:30 in New York, 6:30 in Chicago
    core = await startCore(tempDir(), clock);
    const dana = await leadByName(core, 'Dana');
    const early = await core.dispatch('dial', { number: dana.phone, leadId: dana.id });
    expect(early).toMatchObject({ ok: false, error: { code: 'refused' } });
    expect(JSON.stringify(early)).toMatch(/7:30 in America\/New_York/);

    clock.now = new Date('2026-12-01T16:00:00Z');
    const priya = await leadByName(core, 'Priya');
    const csv = Buffer.from(`Phone\n${priya.phone}\nnot-a-number-12345\n`).toString('base64');
    const imported = await value<{ added: number; rejected: unknown[] }>(core.dispatch('importDoNotCall', { fileName: 'dnc.csv', contentBase64: csv }));
    expect(imported.added).toBe(1);
    const refused = await core.dispatch('dial', { number: priya.phone, leadId: null });
    expect(refused).toMatchObject({ ok: false, error: { code: 'refused', message: expect.stringMatching(/do-not-call/) } });
    const detail = await value<LeadDetail>(core.dispatch('getLead', { id: priya.id }));
    expect(detail.schedule.status).toBe('do-not-call');
    expect(detail.schedule.next).toBeNull();

    // A lead's other number on the list is refused too, even with the lead's own number allowed.
    const marcus = await leadByName(core, 'Marcus');
    await value(core.dispatch('importDoNotCall', { fileName: 'dnc2.csv', contentBase64: Buffer.from('+16175550152\n').toString('base64') }));
    expect(await core.dispatch('dial', { number: '+16175550152', leadId: marcus.id })).toMatchObject({
      ok: false,
      error: { code: 'refused', message: expect.stringMatching(/\+16175550152 is on the imported do-not-call list/) },
    });

    // Inside the window the gate lets the dial through to SIP (which has no account here).
    const allowed = await core.dispatch('dial', { number: dana.phone, leadId: dana.id });
    expect(allowed.ok ? null : allowed.error.code).not.toBe('refused');
  });

  it('refuses to save a script with an unknown variable and versions saved scripts', async () => {
    core = await startCore(tempDir(), { now: new Date('2026-12-01T15:00:00Z') });
    const bad = await core.dispatch('saveScript', { stage: 'first', name: 'Typo', template: 'Hi {frist_name}, call {callback_number}.', active: true });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringMatching(/frist_name/) } });
    const saved = await value<{ id: string; version: number; warnings: Array<{ code: string }> }>(
      core.dispatch('saveScript', { stage: 'first', name: 'Pitchy', template: 'Hi {first_name}, our platform has a free trial and a discount!', active: true }),
    );
    expect(saved.version).toBe(1);
    expect(saved.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(['pitch-word']));
    const again = await value<{ version: number }>(
      core.dispatch('saveScript', { id: saved.id, stage: 'first', name: 'Pitchy', template: 'Hi {first_name}, call me at {callback_number}.', active: false }),
    );
    expect(again.version).toBe(2);
  });

  it('reminds the rep of a promise due when no dial block runs, and not when one is planned or running', async () => {
    const clock = { now: new Date('2026-12-01T15:00:00Z') };
    core = await startCore(tempDir(), clock);
    const dana = await leadByName(core, 'Dana');
    const voicemail = await value<PreparedVoicemail>(core.dispatch('prepareVoicemail', { leadId: dana.id }));
    await value(core.dispatch('recordOutcome', { leadId: dana.id, outcome: 'voicemail', promisedFor: voicemail.promisedFor! }));
    const promised = Date.parse(voicemail.promisedFor!);

    clock.now = new Date(promised - 3 * 60 * 60_000);
    expect(await value<unknown[]>(core.dispatch('listReminders', { withinMinutes: 60 }))).toEqual([]);
    clock.now = new Date(promised - 10 * 60_000);
    const reminders = await value<Array<{ leadId: string; at: string; phrase: string }>>(core.dispatch('listReminders', {}));
    expect(reminders).toHaveLength(1);
    expect(reminders[0]).toMatchObject({ leadId: dana.id, phrase: expect.stringMatching(/\(in 10 minutes\)$/) });
    expect(Date.parse(reminders[0].at)).toBe(promised);

    // While the rep runs a block of their own, Dialdesk holds its reminders; they come back after.
    await value(core.dispatch('startBlock', { length: { kind: 'leads', leads: 2 }, filter: {}, powerDial: false }));
    expect(await value<unknown[]>(core.dispatch('listReminders', {}))).toEqual([]);
    await value(core.dispatch('endBlock', {}));
    expect(await value<unknown[]>(core.dispatch('listReminders', {}))).toHaveLength(1);

    // A dial block set in Settings over the promised minute makes no call by itself: with no block
    // running, the rep is still reminded.
    const start = new Date(promised - 30 * 60_000);
    const hhmm = (d: Date) => d.toLocaleTimeString('en-GB', { timeZone: 'America/New_York', hour: '2-digit', minute: '2-digit' });
    const block = { days: [0, 1, 2, 3, 4, 5, 6], start: hhmm(start), end: hhmm(new Date(promised + 30 * 60_000)) };
    await value(core.dispatch('updateSettings', { schedule: { ...DEFAULT_SCHEDULE_SETTINGS, dialBlocks: [block] } }));
    expect(await value<unknown[]>(core.dispatch('listReminders', {}))).toHaveLength(1);
  });

  it('refolds the history when the bands change', async () => {
    core = await startCore(tempDir(), { now: new Date('2026-12-01T15:00:00Z') });
    const dana = await leadByName(core, 'Dana');
    await value(core.dispatch('recordOutcome', { leadId: dana.id, outcome: 'no-answer' }));
    const bands = [
      { id: 'morning', start: '08:00', end: '12:00' },
      { id: 'afternoon', start: '12:00', end: '17:00' },
      { id: 'evening', start: '17:00', end: '20:00' },
    ];
    await value(core.dispatch('updateSettings', { schedule: { ...DEFAULT_SCHEDULE_SETTINGS, bands } }));
    const detail = await value<LeadDetail>(core.dispatch('getLead', { id: dana.id }));
    expect(detail.schedule.bands.map((b) => [b.id, b.tries])).toEqual([
      ['morning', 1],
      ['afternoon', 0],
      ['evening', 0],
    ]);
  });
});
