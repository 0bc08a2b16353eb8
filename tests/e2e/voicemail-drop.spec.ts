/**
 * The automatic voicemail drop through the real renderer and the lab: baresip answers as a
 * voicemail box (a spoken greeting, a 1000 Hz beep, then silence, recording what it receives);
 * Dialdesk dials, its AudioWorklet feeds the beep detector, the lead's script is read out by
 * espeak-ng into the call in place of the (silent) microphone, and the call is hung up. Sox on
 * baresip's recording shows speech of the message's length starting within 300 ms of the beep's
 * end; the lead's history holds the voicemail with its promise. A second box answers like a
 * person ("Hello? … hello?"): nothing is played and the call stays with the rep. A third box is on a
 * hissing line (white noise at -30 dBFS) and beeps with two tones at once (440 + 950 Hz): the message still
 * starts within 300 ms of the beep's end. A fourth number is an intercept (SIT tones, "not in service"):
 * the call is recorded as a bad number, hung up, and nothing is played.
 *
 * Lab processes use fixed loopback ports (tests/lab/README.md): run under the lab lock.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { readWav } from '../../main/core/voicemail-audio/read-wav.js';
import { Lab, LAB_PASSWORD, soxStat } from '../lab/lab.js';
import { afternoonZone, configurePhone, fakeMediaLaunchOptions, interceptGreeting, LEAD_DIGITS, noisyTwoToneBoxGreeting, personGreeting, REP_AOR, saveRepSettings, silentMic, voicemailBoxGreeting, withLab } from './call-lab.js';
import { expect, test } from './harness-fixture.js';
import { recordRenders } from './record-renders.js';

const MIC = silentMic(process.env.TMPDIR ?? '/tmp');
test.use({ launchOptions: fakeMediaLaunchOptions(MIC) });

async function startBox(lab: Lab, greetingWav: string) {
  await lab.startRtpengine();
  await lab.startKamailio({ auth: true, rtpengine: true });
  return lab.startBaresip({ user: LEAD_DIGITS, greetingWav });
}

/** Rep settings (named caller and callback number: a played message must say both), phone, one lead. */
async function setUp(page: Page, harnessUrl: string, runDir: string): Promise<void> {
  const zone = afternoonZone();
  await page.goto(harnessUrl);
  await saveRepSettings(page, zone);
  await configurePhone(page, LAB_PASSWORD);
  await page.getByRole('checkbox', { name: /Echo cancellation and noise suppression/ }).uncheck();
  await expect(page.getByRole('region', { name: 'Phone line' })).toHaveText(`Phone: registered as ${REP_AOR}`, { timeout: 15_000 });
  const csv = join(runDir, 'lab-lead.csv');
  writeFileSync(csv, `First Name,Last Name,Company,Phone,Time Zone\nLena,Lab,Loopback Phones,+${LEAD_DIGITS},${zone}\n`);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByLabel('Choose CSV file').setInputFiles(csv);
  await page.getByRole('button', { name: 'Import 1 rows' }).click();
  await expect(page.getByText(/Imported 1 of 1 rows?/)).toBeVisible();
  await page.getByRole('button', { name: 'Show leads' }).click();
  await page.getByRole('listbox', { name: 'Leads' }).getByRole('option', { name: /Lena Lab/ }).click();
}

/** When the message starts in baresip's recording: the first 10 ms frame after `fromS` louder than -40 dBFS. */
function speechStart(file: string, fromS: number): number | null {
  const audio = readWav(readFileSync(file));
  const frame = Math.round(audio.sampleRate * 0.01);
  for (let start = Math.round(fromS * audio.sampleRate); start + frame <= audio.samples.length; start += frame) {
    let sum = 0;
    for (let i = start; i < start + frame; i++) sum += audio.samples[i] ** 2;
    if (Math.sqrt(sum / frame) > 0.01) return start / audio.sampleRate;
  }
  return null;
}

test('at the beep Dialdesk reads the lead’s script into the call, records the voicemail with its promise, and hangs up', async ({ page, harness }, testInfo) => {
  test.setTimeout(150_000);
  await withLab('e2e-voicemail-drop', async (lab) => {
    const box = voicemailBoxGreeting(lab.runDir);
    const baresip = await startBox(lab, box.wav);
    await setUp(page, harness.url, lab.runDir);
    const lead = page.getByRole('complementary', { name: 'Lena Lab' });
    // "Message ready" lasts from the message being prepared to the answer: one render when the box picks up at
    // once, too short for polling to see. Every text the drop shows is recorded instead, and their order checked.
    const dropTexts = await recordRenders(page, '[aria-label="Voicemail drop"]');
    await lead.getByRole('button', { name: 'Dial' }).click();

    const drop = page.getByRole('region', { name: 'Voicemail drop' });
    await expect(drop).toContainText('Voicemail left; next attempt promised', { timeout: 90_000 });
    const shown = await dropTexts();
    const first = (part: string) => shown.findIndex((text) => text.includes(part));
    const phases = ['Message ready', 'waiting for the beep', 'Playing the message', 'Voicemail left; next attempt promised'].map(first);
    expect(phases.every((at) => at >= 0), JSON.stringify(shown)).toBe(true);
    expect(phases, JSON.stringify(shown)).toEqual([...phases].sort((a, b) => a - b));
    const bar = page.getByRole('region', { name: 'Current call' });
    await expect(bar).toContainText('You hung up', { timeout: 10_000 });

    // The history: a voicemail, read out at the beep, with its promise.
    await expect(lead).toContainText('Voicemail left', { timeout: 10_000 });
    await expect(lead).toContainText(/read out by the computer, \d+\.\d s, at the beep/);
    const note = (await lead.textContent()) ?? '';
    const messageS = Number(/read out by the computer, (\d+\.\d) s/.exec(note)![1]);

    // What the box recorded: silence until the beep, then the message, starting within 300 ms of the beep's end.
    const recording = lab.recordings(baresip.recDir).at(-1)!;
    const startedS = speechStart(recording, box.beepEndS - 1)!;
    const spoken = soxStat(recording, ['trim', String(startedS), String(messageS)]);
    testInfo.annotations.push({ type: 'drop', description: JSON.stringify({ beepEndS: box.beepEndS, startedS, messageS, spoken }) });
    expect(startedS).toBeGreaterThanOrEqual(box.beepEndS);
    expect(startedS - box.beepEndS).toBeLessThanOrEqual(0.3);
    expect(spoken.lengthSeconds).toBeGreaterThan(messageS - 0.5);
    expect(spoken.rms).toBeGreaterThan(0.02);
    expect(soxStat(recording, ['trim', '0', String(box.beepEndS - 0.5)]).rms).toBeLessThan(0.01);
  });
});

test('a person saying “Hello? … hello?” is never played at: the call is handed to the rep', async ({ page, harness }) => {
  test.setTimeout(120_000);
  await withLab('e2e-voicemail-human', async (lab) => {
    await startBox(lab, personGreeting(lab.runDir));
    await setUp(page, harness.url, lab.runDir);
    await page.getByRole('complementary', { name: 'Lena Lab' }).getByRole('button', { name: 'Dial' }).click();
    const bar = page.getByRole('region', { name: 'Current call' });
    await expect(bar).toContainText('Connected', { timeout: 20_000 });
    const drop = page.getByRole('region', { name: 'Voicemail drop' });
    await expect(drop).toContainText('A person answered: the call is yours.', { timeout: 20_000 });
    await bar.getByRole('button', { name: 'Hang up' }).click();
    await expect(bar).toContainText('You hung up');
    // No voicemail was recorded: the answered call waits for the rep to say what it was, and that is its one attempt.
    const lead = page.getByRole('complementary', { name: 'Lena Lab' });
    await expect(lead).toContainText('(0 conversations, 0 voicemails)');
    await bar.getByRole('group', { name: 'What was this call?' }).getByRole('button', { name: 'Conversation' }).click();
    await expect(lead).toContainText('Attempts1 (1 conversations, 0 voicemails)');
  });
});

test('on a line hissing at -30 dBFS a two-tone beep (440 + 950 Hz) still starts the message within 300 ms of its end', async ({ page, harness }, testInfo) => {
  test.setTimeout(150_000);
  await withLab('e2e-voicemail-noisy-two-tone', async (lab) => {
    const box = noisyTwoToneBoxGreeting(lab.runDir);
    const baresip = await startBox(lab, box.wav);
    await setUp(page, harness.url, lab.runDir);
    const lead = page.getByRole('complementary', { name: 'Lena Lab' });
    await lead.getByRole('button', { name: 'Dial' }).click();
    const drop = page.getByRole('region', { name: 'Voicemail drop' });
    await expect(drop).toContainText('Voicemail left; next attempt promised', { timeout: 90_000 });
    await expect(lead).toContainText(/read out by the computer, \d+\.\d s, at the beep/, { timeout: 10_000 });
    const recording = lab.recordings(baresip.recDir).at(-1)!;
    // Dialdesk's microphone is silent: all the box records from it is the message.
    const startedS = speechStart(recording, box.beepEndS - 1)!;
    testInfo.annotations.push({ type: 'drop', description: JSON.stringify({ beepEndS: box.beepEndS, startedS }) });
    expect(startedS).toBeGreaterThanOrEqual(box.beepEndS);
    expect(startedS - box.beepEndS).toBeLessThanOrEqual(0.3);
  });
});

test('an intercept (SIT tones, “not in service”) is recorded as a bad number and hung up, with nothing played', async ({ page, harness }) => {
  test.setTimeout(120_000);
  await withLab('e2e-voicemail-intercept', async (lab) => {
    const baresip = await startBox(lab, interceptGreeting(lab.runDir));
    await setUp(page, harness.url, lab.runDir);
    const lead = page.getByRole('complementary', { name: 'Lena Lab' });
    await lead.getByRole('button', { name: 'Dial' }).click();
    const drop = page.getByRole('region', { name: 'Voicemail drop' });
    await expect(drop).toContainText('Number not in service (intercept tones): recorded as a bad number, no message played.', { timeout: 30_000 });
    const bar = page.getByRole('region', { name: 'Current call' });
    await expect(bar).toContainText('You hung up', { timeout: 10_000 });
    await expect(lead).toContainText('Bad number', { timeout: 10_000 });
    await expect(lead).toContainText('(0 conversations, 0 voicemails)');
    // Nothing was played into the call: the box recorded only the silent microphone.
    const recording = lab.recordings(baresip.recDir).at(-1)!;
    expect(speechStart(recording, 0)).toBeNull();
  });
});
