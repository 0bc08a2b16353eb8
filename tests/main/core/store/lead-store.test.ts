import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LeadStore } from '../../../../main/core/store/lead-store.js';
import { LEADS_SCHEMA_VERSION } from '../../../../main/core/store/migrations.js';
import { StoreOpenError } from '../../../../main/core/store/store-error.js';
import { readCheckpoint, CHECKPOINT_FILE } from '../../../../main/core/store/summary-checkpoint.js';
import { DEFAULT_SCHEDULE_SETTINGS } from '../../../../shared/schedule.js';
import { generateStore } from '../../../bench/generate-store.js';
import { makeAttempt, makeLead } from '../../../support/fixtures.js';
import { useTempDirs } from '../../../support/temp-dir.js';

describe('LeadStore', () => {
  const tempDir = useTempDirs();

  it('keeps leads and attempts across a reopen, with summaries and a timeline', async () => {
    const dir = tempDir();
    const store = await LeadStore.open(dir);
    const dana = makeLead({ phone: '+12125550101' });
    const omar = makeLead({ phone: '+12125550102', firstName: 'Omar' });
    await store.addLeads([dana, omar]);
    await store.recordAttempt(makeAttempt(dana.id, 'no-answer', '2026-10-30T14:00:00.000Z'));
    await store.recordAttempt(makeAttempt(dana.id, 'voicemail', '2026-11-02T15:00:00.000Z'));
    await store.recordAttempt(makeAttempt(omar.id, 'conversation', '2026-11-02T16:00:00.000Z'));
    await store.close();

    const reopened = await LeadStore.open(dir);
    expect(reopened.leadCount).toBe(2);
    expect(reopened.leadByPhone('+12125550102')?.firstName).toBe('Omar');
    expect(reopened.publicSummary(dana.id)).toEqual({
      attempts: 2,
      conversations: 0,
      voicemails: 1,
      lastAttemptAt: '2026-11-02T15:00:00.000Z',
      lastOutcome: 'voicemail',
    });
    expect(reopened.attemptsFor(dana.id).map((a) => a.outcome)).toEqual(['voicemail', 'no-answer']);
    expect([...reopened.allAttempts()]).toHaveLength(3);
    await reopened.close();
  });

  it('writes one attempt log per month and never rewrites leads.json for an outcome', async () => {
    const dir = tempDir();
    const store = await LeadStore.open(dir);
    const lead = makeLead();
    await store.addLeads([lead]);
    const leadsBefore = readFileSync(join(dir, 'leads.json'), 'utf8');
    await store.recordAttempt(makeAttempt(lead.id, 'busy', '2026-10-31T23:59:00.000Z'));
    await store.recordAttempt(makeAttempt(lead.id, 'busy', '2026-11-01T00:01:00.000Z'));
    expect(existsSync(join(dir, 'attempts', '2026-10.jsonl'))).toBe(true);
    expect(existsSync(join(dir, 'attempts', '2026-11.jsonl'))).toBe(true);
    expect(readFileSync(join(dir, 'leads.json'), 'utf8')).toBe(leadsBefore);
    await store.close();
  });

  it('replays only the tail after the checkpoint, and rebuilds summaries when the checkpoint is lost', async () => {
    const dir = tempDir();
    const store = await LeadStore.open(dir, { checkpointEvery: 3 });
    const lead = makeLead();
    await store.addLeads([lead]);
    for (let i = 0; i < 7; i++) await store.recordAttempt(makeAttempt(lead.id, 'no-answer', `2026-11-0${i + 1}T15:00:00.000Z`));
    // Simulate a crash: no close(), so 1 attempt is past the last checkpoint.
    expect(readCheckpoint(join(dir, CHECKPOINT_FILE))!.summaries.get(lead.id)!.attempts).toBe(6);
    rmSync(join(dir, 'dialdesk.lock'));

    const afterCrash = await LeadStore.open(dir);
    expect(afterCrash.summaryOf(lead.id).attempts).toBe(7);
    await afterCrash.close();

    writeFileSync(join(dir, CHECKPOINT_FILE), '{ broken');
    const rebuilt = await LeadStore.open(dir);
    expect(rebuilt.summaryOf(lead.id).attempts).toBe(7);
    await rebuilt.close();
  });

  it('refolds aside while an outcome recorded meanwhile waits, then counts every attempt once', async () => {
    const dir = tempDir();
    const { leadIds } = generateStore(dir, 200, 50_000, 2);
    let schedule = DEFAULT_SCHEDULE_SETTINGS;
    const store = await LeadStore.open(dir, { schedule: () => schedule });
    const lead = leadIds[7];
    const before = store.summaryOf(lead).attempts;
    schedule = { ...DEFAULT_SCHEDULE_SETTINGS, bands: [{ id: 'day', start: '08:00', end: '21:00' }] };

    const refold = store.refold();
    // Readers see the old, complete state until the new one is swapped in.
    expect(store.summaryOf(lead).attempts).toBe(before);
    const recorded = store.recordAttempt(makeAttempt(lead, 'busy', '2026-11-28T15:00:00.000Z'));
    await Promise.all([refold, recorded]);

    expect(store.summaryOf(lead).attempts).toBe(before + 1);
    expect(store.rotationOf(lead)!.bandTries).toHaveLength(1);
    const total = [...store.allLeads()].reduce((n, l) => n + store.summaryOf(l.id).attempts, 0);
    expect(total).toBe([...store.allAttempts()].filter((a) => a.outcome !== 'failed').length);
    await store.close();
  });

  it('refolds only when a setting the fold depends on changes, not for dial blocks', async () => {
    const dir = tempDir();
    let schedule = DEFAULT_SCHEDULE_SETTINGS;
    const store = await LeadStore.open(dir, { schedule: () => schedule });
    const lead = makeLead({ zones: { zones: ['America/New_York'], ambiguous: false, source: 'import', country: 'US', places: ['US'] } });
    await store.addLeads([lead]);
    await store.recordAttempt(makeAttempt(lead.id, 'no-answer', '2026-12-01T15:00:00.000Z'));
    schedule = { ...DEFAULT_SCHEDULE_SETTINGS, dialBlocks: [{ days: [1, 2, 3, 4, 5], start: '09:00', end: '11:00' }] };
    expect(await store.refoldIfStale()).toBe(false);
    schedule = { ...schedule, bands: [{ id: 'day', start: '08:00', end: '21:00' }] };
    expect(await store.refoldIfStale()).toBe(true);
    expect(store.rotationOf(lead.id)!.bandTries).toEqual([1]);
    expect(await store.refoldIfStale()).toBe(false);
    await store.close();
    // The checkpoint records the settings the states were folded with: reopening uses it as is.
    expect(readCheckpoint(join(dir, CHECKPOINT_FILE))!.foldKey).toContain('"day"');
  });

  it('refuses a second owner of the same data folder while the first holds it, and a lock file left behind blocks nobody', async () => {
    const dir = tempDir();
    // What a killed owner leaves: the file, naming a pid that may since belong to any process (here: our parent).
    writeFileSync(join(dir, 'dialdesk.lock'), String(process.ppid));
    const first = await LeadStore.open(dir);
    await expect(LeadStore.open(dir)).rejects.toMatchObject({ kind: 'busy', message: expect.stringContaining(`pid ${process.pid}`) });
    await first.close();
    const second = await LeadStore.open(dir);
    await second.close();
  });

  it('sweeps the temp files a killed writer left, and leaves the data files alone', async () => {
    const dir = tempDir();
    const first = await LeadStore.open(dir);
    await first.addLeads([makeLead()]);
    await first.close();
    for (const name of ['leads.json.tmp-4242', 'state.json.tmp-17', 'scripts.json.tmp-99']) writeFileSync(join(dir, name), '{"half');
    const logged: string[] = [];
    const store = await LeadStore.open(dir, { log: (m) => logged.push(m) });
    expect(readdirSync(dir).filter((name) => name.includes('.tmp-'))).toEqual([]);
    expect(logged.join('\n')).toContain('leads.json.tmp-4242');
    expect(store.leadCount).toBe(1);
    await store.close();
  });

  it('rejects duplicate phones and unknown leads', async () => {
    const store = await LeadStore.open(tempDir());
    const lead = makeLead({ phone: '+12125550101' });
    await store.addLeads([lead]);
    await expect(store.addLeads([makeLead({ phone: '+12125550101' })])).rejects.toThrow(/already exists/);
    await expect(store.recordAttempt(makeAttempt('nope', 'busy', '2026-11-01T00:00:00.000Z'))).rejects.toThrow(/no lead/);
    await store.close();
  });

  it('migrates an unversioned leads.json, resolving zones once, and refuses one from a newer app', async () => {
    const dir = tempDir();
    const { zones: _zones, ...oldLead } = makeLead({ phone: '+13125550187' });
    writeFileSync(join(dir, 'leads.json'), JSON.stringify({ leads: [oldLead] }));
    const store = await LeadStore.open(dir);
    expect(store.getLead(oldLead.id)).toMatchObject({ phone: oldLead.phone, zones: { zones: ['America/Chicago'], source: 'phone' } });
    await store.close();
    const saved = JSON.parse(readFileSync(join(dir, 'leads.json'), 'utf8'));
    expect(saved.schemaVersion).toBe(LEADS_SCHEMA_VERSION);
    expect(saved.leads[0].zones.zones).toEqual(['America/Chicago']);

    writeFileSync(join(dir, 'leads.json'), JSON.stringify({ schemaVersion: 99, leads: [] }));
    const error = await LeadStore.open(dir).catch((e) => e);
    expect(error).toBeInstanceOf(StoreOpenError);
    expect(error.message).toMatch(/newer Dialdesk/);
  });
});

describe('LeadStore: upgrading from the JSON checkpoint (state.json, version 6)', () => {
  const tempDir = useTempDirs();

  it('reads it once instead of rebuilding, writes state.bin and removes it; the summaries are those a rebuild gives', async () => {
    const dir = tempDir();
    cpSync(join(import.meta.dirname, '../../../fixtures/store-v6'), dir, { recursive: true });
    const logged: string[] = [];
    const upgraded = await LeadStore.open(dir, { log: (m) => logged.push(m) });
    expect(logged.filter((m) => /rebuilding/.test(m))).toEqual([]);
    const summaries = ['lead-a', 'lead-b'].map((id) => upgraded.summaryOf(id));
    expect(summaries.map((s) => [s.attempts, s.voicemails, s.conversations])).toEqual([[2, 1, 0], [1, 0, 1]]);
    expect(upgraded.rotationOf('lead-a')!.promise).toMatchObject({ attemptId: 'att-2' });
    await upgraded.close();
    expect(existsSync(join(dir, CHECKPOINT_FILE))).toBe(true);
    expect(existsSync(join(dir, 'state.json'))).toBe(false);

    // What a rebuild from the logs gives is what the old checkpoint said.
    rmSync(join(dir, CHECKPOINT_FILE));
    const rebuilt = await LeadStore.open(dir, { log: (m) => logged.push(m) });
    expect(logged.some((m) => /rebuilding/.test(m))).toBe(true);
    expect(['lead-a', 'lead-b'].map((id) => rebuilt.summaryOf(id))).toEqual(summaries);
    await rebuilt.close();
  });
});
