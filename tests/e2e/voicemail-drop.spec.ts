/**
 * The automatic voicemail drop through the real renderer and the lab: baresip answers as a
 * voicemail box (a spoken greeting, a 1000 Hz beep, then silence, recording what it receives);
 * Dialdesk dials, its AudioWorklet feeds the beep detector, the lead's script is read out by
 * espeak-ng into the call in place of the (silent) microphone, and the call is hung up. Sox on
 * baresip's recording shows speech of the message's length starting within 300 ms of the beep's
 * end; the lead's history holds the voicemail with its promise. A second box answers like a
 * person ("Hello? … hello?"): nothing is played and the call stays with the rep.
 *
 * Lab processes use fixed loopback ports (tests/lab/README.md): run under the lab lock.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { readWav } from '../../main/core/voicemail-audio/read-wav.js';
import { Lab, LAB_PASSWORD, soxStat } from '../lab/lab.js';
import { afternoonZone, configurePhone, fakeMediaLaunchOptions, LEAD_DIGITS, REP_AOR, withLab } from './call-lab.js';
import { expect, test } from './harness-fixture.js';

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 30_000 });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')}: ${result.stderr}`);
}

/** A silent fake microphone: whatever baresip records before the drop is then the line's silence, not the rep. */
function silentMic(dir: string): string {
  const path = join(dir, 'silent-mic.wav');
  run('sox', ['-n', '-r', '48000', '-c', '1', '-b', '16', path, 'trim', '0', '5']);
  return path;
}

const MIC = silentMic(process.env.TMPDIR ?? '/tmp');
test.use({ launchOptions: fakeMediaLaunchOptions(MIC) });

/** The box's greeting: speech, 0.3 s, a 0.4 s 1000 Hz beep, then 40 s of silence. Returns where the beep ends. */
function voicemailBox(dir: string): { wav: string; beepEndS: number } {
  const raw = join(dir, 'box-speech.wav');
  const speech = join(dir, 'box-speech-8k.wav');
  const beep = join(dir, 'box-beep.wav');
  const wav = join(dir, 'box.wav');
  run('espeak-ng', ['-w', raw, "Hi, you've reached Lena Lab. I can't take your call right now. Please leave a message after the tone."]);
  run('sox', [raw, '-r', '8000', '-c', '1', '-b', '16', speech, 'pad', '0.5', '0.3']);
  run('sox', ['-n', '-r', '8000', '-c', '1', '-b', '16', beep, 'synth', '0.4', 'sine', '1000', 'vol', '0.5']);
  run('sox', [speech, beep, wav, 'pad', '0', '40']);
  const seconds = (file: string) => Number(spawnSync('soxi', ['-D', file], { encoding: 'utf8' }).stdout.trim());
  return { wav, beepEndS: seconds(speech) + 0.4 };
}

function person(dir: string): string {
  const raw = join(dir, 'hello.wav');
  const hello = join(dir, 'hello-8k.wav');
  const wav = join(dir, 'person.wav');
  run('espeak-ng', ['-w', raw, 'Hello?']);
  run('sox', [raw, '-r', '8000', '-c', '1', '-b', '16', hello, 'pad', '0.6', '1.5']);
  run('sox', [hello, hello, wav, 'pad', '0', '30']);
  return wav;
}

async function startBox(lab: Lab, greetingWav: string) {
  await lab.startRtpengine();
  await lab.startKamailio({ auth: true, rtpengine: true });
  return lab.startBaresip({ user: LEAD_DIGITS, greetingWav });
}

/** Rep settings (named caller and callback number: a played message must say both), phone, one lead. */
async function setUp(page: Page, harnessUrl: string, runDir: string): Promise<void> {
  const zone = afternoonZone();
  await page.goto(harnessUrl);
  await page.getByRole('button', { name: 'Settings' }).click();
  const settings = page.getByRole('form', { name: 'Settings' });
  await settings.getByLabel('Your name').fill('Alex Rivera');
  await settings.getByLabel('Company').fill('Northwind');
  await settings.getByLabel('Callback number').fill('+1 512 555 0182');
  await settings.getByRole('searchbox', { name: 'Search time zones' }).fill(zone);
  await settings.getByRole('listbox', { name: 'Your time zone' }).selectOption(zone);
  await settings.getByLabel('Start').fill('09:00');
  await settings.getByLabel('End').fill('18:00');
  for (const day of ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']) {
    await settings.getByRole('checkbox', { name: day }).check();
  }
  await settings.getByRole('button', { name: 'Save settings' }).click();
  await expect(settings.getByRole('status')).toHaveText('Settings saved.');
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
    const box = voicemailBox(lab.runDir);
    const baresip = await startBox(lab, box.wav);
    await setUp(page, harness.url, lab.runDir);
    const lead = page.getByRole('complementary', { name: 'Lena Lab' });
    await lead.getByRole('button', { name: 'Dial' }).click();

    const drop = page.getByRole('region', { name: 'Voicemail drop' });
    await expect(drop).toContainText('Message ready', { timeout: 20_000 });
    await expect(drop).toContainText('waiting for the beep', { timeout: 20_000 });
    await expect(drop).toContainText('Playing the message', { timeout: 20_000 });
    await expect(drop).toContainText('Voicemail left; next attempt promised', { timeout: 90_000 });
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
    await startBox(lab, person(lab.runDir));
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
