import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { LeadDetail, LeadPage, RecordedDropView, VoicemailAudio } from '../../../../shared/contract/index.js';
import { createCore, type Core } from '../../../../main/core/core.js';
import { readWav } from '../../../../main/core/voicemail-audio/read-wav.js';
import { createMemorySecrets, createMemorySettings } from '../../../support/memory-stores.js';
import { identificationProblems, perLeadFields } from '../../../../main/core/voicemail-audio/compliance.js';
import { renderTemplate } from '../../../../main/core/scripts/template.js';
import { useTempDirs } from '../../../support/temp-dir.js';

const REP = { repName: 'Alex Rivera', repCompany: 'Northwind', callbackNumber: '+12125550199' };

async function startCore(dataDir: string, rep: Partial<typeof REP> = REP): Promise<Core> {
  const settings = createMemorySettings({
    ...rep,
    repTimeZone: 'America/New_York',
    workingHours: { start: '08:00', end: '20:00', days: [1, 2, 3, 4, 5] },
  });
  const core = await createCore({ dataDir, settings, secrets: createMemorySecrets(), now: () => new Date('2026-12-01T15:00:00Z') });
  await core.dispatch('loadSampleLeads', {});
  return core;
}

async function value<T>(promise: Promise<{ ok: boolean }>): Promise<T> {
  const result = (await promise) as { ok: true; value: T } | { ok: false; error: unknown };
  if (!result.ok) throw new Error(`call failed: ${JSON.stringify(result.error)}`);
  return result.value;
}

describe('voicemail audio through the core', () => {
  const tempDir = useTempDirs();
  let core: Core | null = null;
  afterEach(async () => {
    await core?.close();
    core = null;
  });
  const dana = async (c: Core) => (await value<LeadPage>(c.dispatch('listLeads', { query: 'Dana' }))).rows[0];

  it('reads the lead’s script out with espeak-ng, caches it, and records the voicemail with its promise and way', async () => {
    core = await startCore(tempDir());
    const lead = await dana(core);
    const engine = await value<{ available: boolean; label: string }>(core.dispatch('getSpeechEngine', {}));
    expect(engine).toMatchObject({ available: true, label: 'eSpeak NG' });

    const audio = await value<VoicemailAudio>(core.dispatch('prepareVoicemailAudio', { leadId: lead.id, way: 'read-out' }));
    expect(audio.text).toContain('Alex Rivera');
    expect(audio.promisedFor).not.toBeNull();
    expect(audio.cached).toBe(false);
    const wav = readWav(Buffer.from(audio.wavBase64, 'base64'));
    expect(wav.samples.length / wav.sampleRate).toBeCloseTo(audio.durationS, 2);
    expect(audio.durationS).toBeGreaterThan(5);
    const again = await value<VoicemailAudio>(core.dispatch('prepareVoicemailAudio', { leadId: lead.id, way: 'read-out' }));
    expect(again.cached).toBe(true);

    await value(core.dispatch('recordVoicemailLeft', {
      leadId: lead.id, way: 'read-out', durationS: audio.durationS, trigger: 'beep',
      scriptId: audio.scriptId!, scriptVersion: audio.scriptVersion!, promisedFor: audio.promisedFor!,
    }));
    const detail = await value<LeadDetail>(core.dispatch('getLead', { id: lead.id }));
    const attempt = detail.attempts[0];
    expect(attempt).toMatchObject({ outcome: 'voicemail', promisedFor: audio.promisedFor, scriptId: audio.scriptId, scriptVersion: audio.scriptVersion });
    expect(attempt.note).toMatch(/read out by the computer, \d+\.\d s, at the beep/);
  });

  it('refuses to play a message that does not name the caller and give the callback number', async () => {
    core = await startCore(tempDir(), { repName: '', repCompany: '', callbackNumber: '' });
    const result = await core.dispatch('prepareVoicemailAudio', { leadId: (await dana(core)).id, way: 'read-out' });
    expect(result).toMatchObject({ ok: false, error: { code: 'refused' } });
    if (!result.ok) expect(result.error.message).toMatch(/who is calling.*callback number/);
  });

  it('refuses a read-out and a recorded drop whose script would leave the caller name or callback number out, naming which', async () => {
    const dir = tempDir();
    // The company alone would pass the old "says who is calling" check; the script's {rep_name} would still be a gap.
    core = await startCore(dir, { repName: '', repCompany: 'Northwind', callbackNumber: '+12125550199' });
    const lead = await dana(core);
    const file = join(dir, 'take.wav');
    execFileSync('espeak-ng', ['-w', file, "Hi, it's Northwind. Call me back on 212 555 0199."]);
    await value(core.dispatch('saveRecordedDrop', { stage: 'first', wavBase64: readFileSync(file).toString('base64') }));
    for (const way of ['read-out', 'recorded'] as const) {
      const result = await core.dispatch('prepareVoicemailAudio', { leadId: lead.id, way });
      expect(result, way).toMatchObject({ ok: false, error: { code: 'refused' } });
      if (!result.ok) {
        expect(result.error.message).toMatch(/Your name is not set \(Settings\)/);
        expect(result.error.message).not.toMatch(/callback number/);
      }
    }
    await value(core.dispatch('updateSettings', { repName: 'Alex Rivera', callbackNumber: '' }));
    for (const way of ['read-out', 'recorded'] as const) {
      const result = await core.dispatch('prepareVoicemailAudio', { leadId: lead.id, way });
      expect(result, way).toMatchObject({ ok: false, error: { code: 'refused' } });
      if (!result.ok) {
        expect(result.error.message).toMatch(/Your callback number is not set \(Settings\)/);
        expect(result.error.message).not.toMatch(/Your name/);
      }
    }
  });

  it('keeps a recorded drop per stage, warns that it cannot say per-lead fields, and plays it without a promise', async () => {
    const dir = tempDir();
    core = await startCore(dir);
    const lead = await dana(core);
    expect(await core.dispatch('prepareVoicemailAudio', { leadId: lead.id, way: 'recorded' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    const file = join(dir, 'take.wav');
    execFileSync('espeak-ng', ['-w', file, "Hi, it's Alex Rivera from Northwind. Call me back on 212 555 0199."]);
    const saved = await value<RecordedDropView>(core.dispatch('saveRecordedDrop', { stage: 'first', wavBase64: readFileSync(file).toString('base64') }));
    expect(saved.durationS).toBeGreaterThan(2);
    expect(saved.warnings.join(' ')).toMatch(/\{first_name\}.*cannot say/);
    const drop = await value<VoicemailAudio>(core.dispatch('prepareVoicemailAudio', { leadId: lead.id, way: 'recorded' }));
    expect(drop).toMatchObject({ way: 'recorded', promisedFor: null });
    expect(Buffer.from(drop.wavBase64, 'base64').equals(readFileSync(file))).toBe(true);

    const notWav = await core.dispatch('saveRecordedDrop', { stage: 'first', wavBase64: Buffer.from('x'.repeat(100)).toString('base64') });
    expect(notWav).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect((await value<RecordedDropView>(core.dispatch('getRecordedDrop', { stage: 'first' }))).wavBase64).not.toBeNull();
    expect((await value<RecordedDropView>(core.dispatch('deleteRecordedDrop', { stage: 'first' }))).wavBase64).toBeNull();
  });

  it('keeps the voice, rate and way per stage', async () => {
    const dir = tempDir();
    core = await startCore(dir);
    const settings = { voice: 'en-gb', rateWpm: 150, wayByStage: { first: 'recorded', 'follow-up': 'read-out', 'opt-out': 'teleprompter' }, afterMessage: 'stay', autoDrop: false, silenceAfterGreetingMs: 4000 };
    await value(core.dispatch('saveVoicemailAudioSettings', settings));
    await core.close();
    core = await startCore(dir);
    expect(await value(core.dispatch('getVoicemailAudioSettings', {}))).toEqual(settings);
    expect(await core.dispatch('saveVoicemailAudioSettings', { ...settings, rateWpm: 1000 })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });
});

describe('compliance rules for played messages', () => {
  it('needs the caller and the callback number in the spoken words', () => {
    expect(identificationProblems("It's Alex Rivera, call 212-555-0199.", REP)).toEqual([]);
    expect(identificationProblems("It's Northwind, call 212-555-0199.", REP)).toEqual([]);
    expect(identificationProblems('Call 212-555-0199.', REP)).toHaveLength(1);
    expect(identificationProblems("It's Alex Rivera, call me.", REP)).toHaveLength(1);
  });

  it('never plays a gap: each variable marked "not set" refuses the message with its reason', () => {
    const spoken = renderTemplate("Hi {first_name}, it's {rep_name} from {rep_company}. Call {callback_number}.", { rep_company: 'Northwind' }).text;
    const problems = identificationProblems(spoken, { ...REP, repName: '', callbackNumber: '' });
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/\{first_name\} has no value/);
    expect(problems[1]).toMatch(/^Your name is not set/);
    expect(problems[2]).toMatch(/^Your callback number is not set/);
    // The rep's values are set, yet the text still holds a marker: refused all the same.
    expect(identificationProblems("It's Alex Rivera, [your callback number: not set], 212-555-0199.", REP)).toHaveLength(1);
  });

  it('lists the fields a recording cannot say', () => {
    expect(perLeadFields('Hi {first_name}, {rep_name} here, again {next_attempt}; {callback_number}')).toEqual(['first_name', 'next_attempt']);
    expect(perLeadFields('{rep_name} at {rep_company}: {callback_number}')).toEqual([]);
  });
});
