import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppStatus, NumberCheck } from '../../../../shared/contract/index.js';
import { DEFAULT_SCHEDULE_SETTINGS } from '../../../../shared/schedule.js';
import type { Core } from '../../../../main/core/core.js';
import { leadNamed, startCore, value } from '../../../support/core-fixture.js';
import { useTempDirs } from '../../../support/temp-dir.js';

// Tuesday 2026-12-01. New York is UTC-5, Chicago -6, Los Angeles -8.
const NOON_NY = new Date('2026-12-01T17:00:00Z');
const THREE_AM_NY = new Date('2026-12-01T08:00:00Z');
const MARCUS_MOBILE = '+16175550152'; // Marcus's second number in the sample list
const GRACE_MOBILE = '+14155550157';

/** A dial the gate let through reaches SIP, which has no account in these tests: "unavailable", never "refused". */
async function dialPassesGate(core: Core, number: string, leadId: string | null): Promise<void> {
  const result = await core.dispatch('dial', { number, leadId });
  expect(result.ok ? null : result.error).toMatchObject({ code: 'unavailable' });
}

async function dialRefused(core: Core, number: string, leadId: string | null, reason: RegExp): Promise<void> {
  expect(await core.dispatch('dial', { number, leadId })).toMatchObject({ ok: false, error: { code: 'refused', message: expect.stringMatching(reason) } });
}

describe('the dial gate decides by the number', () => {
  const tempDir = useTempDirs();
  let core: Core | null = null;
  afterEach(async () => {
    await core?.close();
    core = null;
  });

  it('refuses a leadId the number does not belong to, and names the owner the attempt lands on', async () => {
    const clock = { now: NOON_NY };
    core = await startCore(tempDir(), clock);
    const dana = await leadNamed(core, 'Dana');
    const marcus = await leadNamed(core, 'Marcus');
    await value(core.dispatch('recordOutcome', { leadId: marcus.id, outcome: 'do-not-call' }));

    // An opted-out lead's number sent with another lead's id, or with a made-up id.
    await dialRefused(core, marcus.phone, dana.id, /is not a number of Dana Whitfield; it belongs to Marcus Bell/);
    await dialRefused(core, marcus.phone, 'no-such-lead', /no lead with id no-such-lead/i);
    await dialRefused(core, marcus.phone, null, /opted out/);
    // Dana's own number with no id: allowed, and booked on Dana.
    const check = await value<NumberCheck>(core.dispatch('checkNumber', { number: dana.phone }));
    expect(check).toMatchObject({ allowed: true, leadId: dana.id, zones: ['America/New_York'], localTime: '2026-12-01T12:00:00-05:00' });
    await dialPassesGate(core, dana.phone, null);
  });

  it("checks a lead's other numbers against its window and its opt-out", async () => {
    const clock = { now: THREE_AM_NY };
    core = await startCore(tempDir(), clock);
    const marcus = await leadNamed(core, 'Marcus');
    await dialRefused(core, MARCUS_MOBILE, null, /3:00 in America\/New_York/);
    await dialRefused(core, MARCUS_MOBILE, marcus.id, /3:00 in America\/New_York/);
    expect(await value<NumberCheck>(core.dispatch('checkNumber', { number: MARCUS_MOBILE }))).toMatchObject({ allowed: false, leadId: marcus.id });

    clock.now = new Date('2026-12-01T15:30:00Z'); // 10:30 in New York, 7:30 in Los Angeles
    await dialRefused(core, GRACE_MOBILE, null, /7:30 in America\/Los_Angeles/);
    clock.now = NOON_NY;
    const grace = await leadNamed(core, 'Grace');
    await dialPassesGate(core, GRACE_MOBILE, null);
    await value(core.dispatch('recordOutcome', { leadId: grace.id, outcome: 'do-not-call' }));
    await dialRefused(core, GRACE_MOBILE, null, /opted out/);
  });

  it('applies the window in the zones of a number that belongs to no lead, and refuses one without a zone', async () => {
    const clock = { now: THREE_AM_NY };
    core = await startCore(tempDir(), clock);
    await dialRefused(core, '+13125550199', null, /2:00 in America\/Chicago/);
    await dialRefused(core, '+881631234567', null, /No time zone can be found for \+881631234567/);
    clock.now = NOON_NY;
    expect(await value<NumberCheck>(core.dispatch('checkNumber', { number: '+13125550199' }))).toMatchObject({
      allowed: true,
      leadId: null,
      owners: [],
      zones: ['America/Chicago'],
      localTime: '2026-12-01T11:00:00-06:00',
    });
    await dialPassesGate(core, '+13125550199', null);
  });

  it('never widens the legal window: not through updateSettings, not from a settings file that says so', async () => {
    const wide = { ...DEFAULT_SCHEDULE_SETTINGS, legalWindow: { start: '00:00', end: '24:00' } };
    const clock = { now: new Date('2026-12-02T03:30:00Z') }; // 22:30 in New York
    core = await startCore(tempDir(), clock);
    expect(await core.dispatch('updateSettings', { schedule: wide })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: expect.stringMatching(/only be made stricter/) },
    });
    await core.close();

    core = await startCore(tempDir(), clock, { settings: { schedule: wide } });
    const dana = await leadNamed(core, 'Dana');
    await dialRefused(core, dana.phone, dana.id, /^United States: calls 8:00–21:00 local time \(47 CFR 64\.1200\(c\)\(1\); 16 CFR 310\.4\(c\)\); it is 22:30 in America\/New_York$/);
    await dialRefused(core, '+13125550199', null, /^United States: calls 8:00–21:00 local time .*; it is 21:30 in America\/Chicago$/);

    // Stricter is fine.
    await value(core.dispatch('updateSettings', { schedule: { ...DEFAULT_SCHEDULE_SETTINGS, legalWindow: { start: '09:00', end: '20:00' } } }));
    clock.now = new Date('2026-12-01T13:30:00Z'); // 8:30 in New York
    await dialRefused(core, dana.phone, dana.id, /^Your calling window: 9:00–20:00 local; it is 8:30 in America\/New_York$/);
  });

  it('stops every dial while the do-not-call list is damaged, until the rep acknowledges, across restarts', async () => {
    const dir = tempDir();
    const clock = { now: NOON_NY };
    core = await startCore(dir, clock);
    const dana = await leadNamed(core, 'Dana');
    await core.close();
    // Cut off mid-write: three numbers still readable in it.
    writeFileSync(join(dir, 'do-not-call.json'), '{"schemaVersion":2,"entries":[{"number":"+13125550103","source":"a.csv","addedAt":""},{"number":"+14155550107"},{"number":"+12125550147"');

    core = await startCore(dir, clock, { sampleLeads: false });
    const status = await value<AppStatus>(core.dispatch('getStatus', {}));
    expect(status.doNotCallDamage).toMatchObject({ numbersOnIt: 3, keptAs: expect.stringContaining('do-not-call.json.damaged-') });
    await dialRefused(core, dana.phone, dana.id, /do-not-call list could not be read \(3 numbers were on it\)/);
    await dialRefused(core, '+13125550199', null, /could not be read/);
    await core.close();

    // A restart does not forget: the damage is written into the new file.
    core = await startCore(dir, clock, { sampleLeads: false });
    await dialRefused(core, dana.phone, dana.id, /could not be read/);
    expect(await core.dispatch('acknowledgeDoNotCallDamage', {})).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    await value(core.dispatch('acknowledgeDoNotCallDamage', { confirm: true }));
    expect((await value<AppStatus>(core.dispatch('getStatus', {}))).doNotCallDamage).toBeNull();
    await dialPassesGate(core, dana.phone, dana.id);
    const file = JSON.parse(readFileSync(join(dir, 'do-not-call.json'), 'utf8')) as { log: Array<{ action: string; detail: string }> };
    expect(file.log.map((l) => l.action)).toEqual(['damaged', 'acknowledge-damage']);
    expect(file.log[1].detail).toMatch(/3 numbers not restored/);
  });

  it('lets a re-imported list end the damage', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'do-not-call.json'), 'not json at all +13125550103');
    const clock = { now: NOON_NY };
    core = await startCore(dir, clock);
    const priya = await leadNamed(core, 'Priya');
    const dana = await leadNamed(core, 'Dana');
    await dialRefused(core, dana.phone, dana.id, /\(1 numbers were on it\)/);
    const csv = Buffer.from(`phone\n${priya.phone}\n`).toString('base64');
    await value(core.dispatch('importDoNotCall', { fileName: 'dnc-restored.csv', contentBase64: csv }));
    await dialPassesGate(core, dana.phone, dana.id);
    await dialRefused(core, priya.phone, null, /is on the imported do-not-call list/);
  });
});
