/**
 * Helpers for the phone e2e tests: the Chromium flags for WebRTC on loopback with a fake
 * microphone playing a known tone, the lab's WAVs, a zone where it is early afternoon now (so the
 * dial gate's calling window and working hours allow the call at any hour the suite runs), and the
 * in-page measurement of what the far end sent.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Page, type TestInfo } from '@playwright/test';
import { config } from '../../playwright.config.js';
import { baresipRtpReceived, Lab, LAB_PORTS, LAB_WS_URL, soxStat } from '../lab/lab.js';
import { rtpengineOnlyCall } from '../lab/rtpengine-ng.js';

/** The rep's SIP address on the lab's Kamailio. */
export const REP_AOR = `sip:rep@127.0.0.1:${LAB_PORTS.kamailioUdp}`;

/** The fake microphone: a steady 440 Hz sine at half scale (RMS 0.354), looped by Chromium. */
export const MIC_TONE_HZ = 440;

/** Made once per run, before the browser starts (its path is a launch flag). */
export function micToneWav(): string {
  const dir = join(tmpdir(), 'dialdesk-e2e-media');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `mic-${MIC_TONE_HZ}.wav`);
  if (!existsSync(path)) run('sox', ['-n', '-r', '48000', '-c', '1', '-b', '16', path, 'synth', '10', 'sine', String(MIC_TONE_HZ), 'vol', '0.5']);
  return path;
}

/**
 * Chromium for WebRTC on loopback (verified recipe, /work/shared/notes/telephony-lab): the
 * project's usual flags, plus candidates on 127.0.0.1, a fake microphone reading `toneWav`, and
 * audio that plays without a gesture.
 */
export function fakeMediaLaunchOptions(toneWav: string) {
  const base = config.use?.launchOptions ?? {};
  return {
    ...base,
    args: [
      ...(base.args ?? []),
      '--allow-loopback-in-peer-connection',
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-audio-capture=${toneWav}`,
      '--autoplay-policy=no-user-gesture-required',
    ],
  };
}

/** How long the lead's phone keeps sending its 1000 Hz tone after the spoken line. */
export const LEAD_TONE_SECONDS = 90;

/**
 * The lead's phone greeting (8 kHz mono, what baresip plays): a spoken line, then a steady 1000 Hz
 * tone at half scale (RMS 0.354) for LEAD_TONE_SECONDS. The tone lasts the whole call, so the page
 * can hear it again after a hold (baresip's aufile source does not restart on a re-INVITE), and
 * baresip, which hangs up when the file ends, never does so before the rep.
 */
export function makeGreeting(dir: string): string {
  const greeting = join(dir, 'greeting.wav');
  run('sox', [spoken8k(dir, 'speech', 'Hello, you have reached the lead phone.', ['0.5', '0.3']), tone8k(dir, 'tone', LEAD_TONE_SECONDS), greeting]);
  return greeting;
}

/** espeak-ng's `text` as 8 kHz mono 16-bit (what the lab's phones play), padded by `pad` seconds before and after. */
function spoken8k(dir: string, name: string, text: string, pad: [string, string]): string {
  const raw = join(dir, `${name}-raw.wav`);
  const wav = join(dir, `${name}-8k.wav`);
  run('espeak-ng', ['-w', raw, text]);
  run('sox', [raw, '-r', '8000', '-c', '1', '-b', '16', wav, 'pad', ...pad]);
  return wav;
}

/** A 1000 Hz tone at half scale (RMS 0.354), 8 kHz mono 16-bit. */
function tone8k(dir: string, name: string, seconds: number): string {
  const wav = join(dir, `${name}.wav`);
  run('sox', ['-n', '-r', '8000', '-c', '1', '-b', '16', wav, 'synth', String(seconds), 'sine', '1000', 'vol', '0.5']);
  return wav;
}

/** An IANA fixed-offset zone where the local time is 13:xx now (Etc/GMT signs are inverted). */
export function afternoonZone(now = new Date()): string {
  let offset = 13 - now.getUTCHours();
  if (offset < -12) offset += 24;
  if (offset > 14) offset -= 24;
  return offset === 0 ? 'Etc/UTC' : `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`;
}

export interface RemoteAudioMeasurement {
  /** Seconds (polled every ~20 ms) during which the spectral peak was near `targetHz` and loud. */
  toneSeconds: number;
  /** Median peak frequency and RMS over those frames. */
  peakHz: number;
  rms: number;
  /** Loudest frame seen at all (to tell "silence" from "wrong tone" in a failure). */
  maxRms: number;
  framesSeen: number;
}

/**
 * Listens to the call's `<audio>` element — what the rep hears — through an AnalyserNode in the
 * page, until `wantSeconds` of the target tone were heard or `timeoutMs` passed.
 */
export async function measureRemoteAudio(page: Page, targetHz: number, wantSeconds: number, timeoutMs: number): Promise<RemoteAudioMeasurement> {
  return page.evaluate(
    async ({ targetHz, wantSeconds, timeoutMs }) => {
      const audio = document.querySelector<HTMLAudioElement>('audio.call-audio');
      const stream = audio?.srcObject;
      if (!(stream instanceof MediaStream) || stream.getAudioTracks().length === 0) throw new Error('the call has no remote audio element with a stream');
      const context = new AudioContext();
      await context.resume();
      const source = context.createMediaStreamSource(stream);
      const analyser = context.createAnalyser();
      analyser.fftSize = 8192;
      analyser.smoothingTimeConstant = 0;
      source.connect(analyser);
      const time = new Float32Array(analyser.fftSize);
      const spectrum = new Float32Array(analyser.frequencyBinCount);
      const binHz = context.sampleRate / analyser.fftSize;
      const hits: Array<{ hz: number; rms: number }> = [];
      let maxRms = 0;
      let frames = 0;
      let toneMs = 0;
      const started = performance.now();
      let last = started;
      while (performance.now() - started < timeoutMs && toneMs < wantSeconds * 1000) {
        await new Promise((r) => setTimeout(r, 20));
        const now = performance.now();
        const dt = now - last;
        last = now;
        analyser.getFloatTimeDomainData(time);
        analyser.getFloatFrequencyData(spectrum);
        let sum = 0;
        for (const v of time) sum += v * v;
        const rms = Math.sqrt(sum / time.length);
        maxRms = Math.max(maxRms, rms);
        frames++;
        let peak = 1;
        for (let i = 2; i < spectrum.length; i++) if (spectrum[i] > spectrum[peak]) peak = i;
        // Parabolic interpolation around the peak bin for sub-bin accuracy.
        const [a, b, c] = [spectrum[peak - 1], spectrum[peak], spectrum[peak + 1] ?? spectrum[peak]];
        const shift = (a - c) / (2 * (a - 2 * b + c) || 1);
        const hz = (peak + shift) * binHz;
        if (rms > 0.1 && Math.abs(hz - targetHz) < targetHz * 0.05) {
          hits.push({ hz, rms });
          toneMs += dt;
        }
      }
      await context.close();
      const median = (values: number[]) => {
        const sorted = [...values].sort((x, y) => x - y);
        return sorted.length ? sorted[Math.floor(sorted.length / 2)] : 0;
      };
      return {
        toneSeconds: toneMs / 1000,
        peakHz: median(hits.map((h) => h.hz)),
        rms: median(hits.map((h) => h.rms)),
        maxRms,
        framesSeen: frames,
      };
    },
    { targetHz, wantSeconds, timeoutMs },
  );
}

/** RTP counters of the lab's one call, read at `at` (ms, `performance.now()`-like clock of this process). */
export interface CallRtpCounts {
  at: number;
  /** Packets rtpengine received on the page's WebRTC leg: what the rep sends, relayed to the lead. */
  fromRep: number;
  /** Packets rtpengine received on baresip's plain leg: what the lead sends, relayed to the page. */
  fromLead: number;
  /** Packets baresip itself received (its RTCP session's counter): what reached the lead. */
  leadReceived: number;
}

/** Reads rtpengine's per-leg counters (ng `query`) and baresip's receive counter (`audio_debug`). */
export async function callRtpCounts(): Promise<CallRtpCounts> {
  const [{ legs }, leadReceived] = await Promise.all([rtpengineOnlyCall(), baresipRtpReceived()]);
  const plain = legs.filter((l) => l.protocol === 'RTP/AVP');
  const webrtc = legs.filter((l) => l.protocol.includes('SAVPF'));
  if (plain.length !== 1 || webrtc.length !== 1) throw new Error(`expected one plain and one WebRTC leg: ${JSON.stringify(legs)}`);
  return { at: Date.now(), fromRep: webrtc[0].packetsIn, fromLead: plain[0].packetsIn, leadReceived };
}

export interface RtpDeltas {
  seconds: number;
  /** Packets counted between the readings (one 20 ms PCMU packet every 20 ms is 50/s). */
  fromRep: number;
  fromLead: number;
  leadReceived: number;
  /** The same per second, for the report. */
  perSecond: { fromRep: number; fromLead: number; leadReceived: number };
}

/** What each counter gained between two readings. */
export function rtpDeltas(before: CallRtpCounts, after: CallRtpCounts): RtpDeltas {
  const seconds = (after.at - before.at) / 1000;
  const rate = (n: number) => Math.round((n / seconds) * 10) / 10;
  const fromRep = after.fromRep - before.fromRep;
  const fromLead = after.fromLead - before.fromLead;
  const leadReceived = after.leadReceived - before.leadReceived;
  return { seconds, fromRep, fromLead, leadReceived, perSecond: { fromRep: rate(fromRep), fromLead: rate(fromLead), leadReceived: rate(leadReceived) } };
}

/**
 * Media flows both ways right now (used after a resume): over one measuring window the page hears
 * the lead's 1000 Hz tone for 1.5 s at the level baresip sends it (RMS 0.354), and by the counters
 * the lead keeps sending, the rep keeps sending (rtpengine relays it) and baresip keeps receiving,
 * each by 60+ packets (1.2 s of 20 ms PCMU; the window lasts at least the 1.5 s of tone). Not baresip's recording: baresip 1.0 stops writing
 * it at the first re-INVITE while RTP keeps arriving.
 */
/**
 * What the rep hears: baresip's 1000 Hz tone on the page's <audio> for at least 1.5 s, at the level
 * it was sent (RMS 0.354).
 */
export async function expectLeadToneHeard(page: Page, testInfo: TestInfo, label: string, timeoutMs: number): Promise<void> {
  const heard = await measureRemoteAudio(page, 1000, 1.5, timeoutMs);
  testInfo.annotations.push({ type: `${label}: heard in page`, description: JSON.stringify(heard) });
  expect(heard.toneSeconds, `${label}, heard: ${JSON.stringify(heard)}`).toBeGreaterThanOrEqual(1.5);
  expect(heard.peakHz).toBeGreaterThan(980);
  expect(heard.peakHz).toBeLessThan(1020);
  expect(heard.rms).toBeGreaterThan(0.25);
  expect(heard.rms).toBeLessThan(0.45);
}

export async function expectMediaBothWays(page: Page, testInfo: TestInfo, label: string): Promise<void> {
  const before = await callRtpCounts();
  await expectLeadToneHeard(page, testInfo, label, 10_000);
  const rtp = rtpDeltas(before, await callRtpCounts());
  testInfo.annotations.push({ type: `${label}: RTP packets`, description: JSON.stringify(rtp) });
  expect(rtp.fromLead, `${label}: ${JSON.stringify(rtp)}`).toBeGreaterThanOrEqual(60);
  expect(rtp.fromRep, `${label}: ${JSON.stringify(rtp)}`).toBeGreaterThanOrEqual(60);
  expect(rtp.leadReceived, `${label}: ${JSON.stringify(rtp)}`).toBeGreaterThanOrEqual(60);
}

/**
 * While the rep holds the call, baresip answers recvonly and stops sending: over a 1.5 s window the
 * page hears none of the lead's tone and rtpengine gets (almost) no packets from the lead (under 8
 * in 1.5 s, against 75 when flowing). This
 * shows the checks in expectMediaBothWays tell flowing media from stopped media. The rep's side
 * is not checked here: on hold the page still sends — silence, its microphone track disabled
 * (sendonly, renderer/media/sdp.ts; call-audio.spec.ts checks the track falls silent).
 */
export async function expectLeadSilentWhileHeld(page: Page, testInfo: TestInfo): Promise<void> {
  const before = await callRtpCounts();
  // The window is the measurement itself (wantSeconds = the timeout): the tone must not show up in it.
  const heard = await measureRemoteAudio(page, 1000, 1.5, 1500);
  const rtp = rtpDeltas(before, await callRtpCounts());
  testInfo.annotations.push({ type: 'held: heard in page', description: JSON.stringify(heard) }, { type: 'held: RTP packets', description: JSON.stringify(rtp) });
  expect(heard.toneSeconds, `held, heard: ${JSON.stringify(heard)}`).toBeLessThan(0.3);
  expect(rtp.fromLead, `held: ${JSON.stringify(rtp)}`).toBeLessThan(8);
}

/** Starts the lab pieces a test needs and stops them by PID afterwards; keeps the run folder of a failed test. */
export async function withLab<T>(name: string, body: (lab: Lab) => Promise<T>): Promise<T> {
  const lab = new Lab(name);
  let passed = false;
  try {
    const result = await body(lab);
    passed = true;
    return result;
  } finally {
    await lab.stopAll();
    if (passed && !process.env.DIALDESK_LAB_KEEP) lab.remove();
    else console.warn(`lab run kept: ${lab.runDir}`);
  }
}

/**
 * The rep's Settings for a lab call: a named caller and callback number (a played voicemail must
 * say both), `zone` as the rep's zone, and working hours 09:00-18:00 every day, so the dial gate
 * allows calls at 13:xx in an afternoonZone() whatever day the suite runs.
 */
export async function saveRepSettings(page: Page, zone: string): Promise<void> {
  await page.getByRole('button', { name: 'Settings' }).click();
  const settings = page.getByRole('form', { name: 'Settings' });
  await settings.getByLabel('Your name').fill('Alex Rivera');
  await settings.getByLabel('Company').fill('Northwind');
  await settings.getByLabel('Callback number').fill('+1 512 555 0182');
  await settings.getByRole('searchbox', { name: 'Search time zones' }).fill(zone);
  await settings.getByRole('listbox', { name: 'Your time zone' }).selectOption(zone);
  await settings.getByLabel('Start').fill('09:00');
  await settings.getByLabel('End').fill('18:00');
  for (const day of WEEKDAYS) await settings.getByRole('checkbox', { name: day }).check();
  await settings.getByRole('button', { name: 'Save settings' }).click();
  await expect(settings.getByRole('status')).toHaveText('Settings saved.');
}

export const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

/** A silent fake microphone: whatever a lead's phone records before a drop is then the line's silence, not the rep. */
export function silentMic(dir: string): string {
  const path = join(dir, 'silent-mic.wav');
  run('sox', ['-n', '-r', '48000', '-c', '1', '-b', '16', path, 'trim', '0', '5']);
  return path;
}

/** A voicemail box's greeting: speech, 0.3 s, a 0.4 s 1000 Hz beep, then 40 s of silence. Returns where the beep ends. */
export function voicemailBoxGreeting(dir: string): { wav: string; beepEndS: number } {
  const speech = spoken8k(dir, 'box-speech', "Hi, you've reached Lena Lab. I can't take your call right now. Please leave a message after the tone.", ['0.5', '0.3']);
  const wav = join(dir, 'box.wav');
  run('sox', [speech, tone8k(dir, 'box-beep', 0.4), wav, 'pad', '0', '40']);
  // In whole samples: a float sum (6.843625 + 0.4 = 7.243625000000001) would put the beep's end after its last sample.
  const samples = (file: string) => Number(spawnSync('soxi', ['-s', file], { encoding: 'utf8' }).stdout.trim());
  return { wav, beepEndS: (samples(speech) + 0.4 * 8000) / 8000 };
}

/**
 * A voicemail box on a hissing line: the greeting, then a two-tone beep (440 + 950 Hz, 300 ms), all under
 * white noise at -30 dBFS RMS that goes on while the box records. Returns where the beep ends.
 */
export function noisyTwoToneBoxGreeting(dir: string): { wav: string; beepEndS: number } {
  const speech = spoken8k(dir, 'noisy-box-speech', "Hi, you've reached Lena Lab. Please leave a message after the tone.", ['0.5', '0.4']);
  const beep = join(dir, 'two-tone-beep.wav');
  run('sox', ['-n', '-r', '8000', '-c', '1', '-b', '16', beep, 'synth', '0.3', 'sine', '440', 'sine', '950', 'channels', '1', 'vol', '0.5', 'fade', 't', '0.005', '0.3', '0.005']);
  const clean = join(dir, 'noisy-box-clean.wav');
  run('sox', [speech, beep, clean, 'pad', '0', '40']);
  const samples = (file: string) => Number(spawnSync('soxi', ['-s', file], { encoding: 'utf8' }).stdout.trim());
  // sox's white noise is uniform: RMS = vol / √3, so 0.0548 is -30 dBFS.
  const noise = join(dir, 'line-noise.wav');
  run('sox', ['-n', '-r', '8000', '-c', '1', '-b', '16', noise, 'synth', String(samples(clean) / 8000), 'whitenoise', 'vol', '0.0548']);
  const wav = join(dir, 'noisy-box.wav');
  run('sox', ['-m', '-v', '1', clean, '-v', '1', noise, wav]);
  return { wav, beepEndS: (samples(speech) + 0.3 * 8000) / 8000 };
}

/** An intercept: the three SIT tones (913.8, 1370.6, 1776.7 Hz), then "The number you have dialed is not in service." */
export function interceptGreeting(dir: string): string {
  const tones = [
    ['913.8', '0.274'],
    ['1370.6', '0.274'],
    ['1776.7', '0.38'],
  ].map(([hz, s], i) => {
    const wav = join(dir, `sit-${i}.wav`);
    run('sox', ['-n', '-r', '8000', '-c', '1', '-b', '16', wav, 'synth', s, 'sine', hz, 'vol', '0.3']);
    return wav;
  });
  const words = spoken8k(dir, 'sit-words', 'The number you have dialed is not in service. Please check the number and dial again.', ['0.3', '0']);
  const wav = join(dir, 'intercept.wav');
  run('sox', [...tones, words, wav, 'pad', '0.4', '30']);
  return wav;
}

/** A person picking up: "Hello? … hello?", then 30 s of silence. */
export function personGreeting(dir: string): string {
  const hello = spoken8k(dir, 'hello', 'Hello?', ['0.6', '1.5']);
  const wav = join(dir, 'person.wav');
  run('sox', [hello, hello, wav, 'pad', '0', '30']);
  return wav;
}

/** Types the lab account into the Phone screen and saves it (the password is write-only afterwards). */
export async function configurePhone(page: Page, password: string, ringTimeoutSeconds = 20): Promise<void> {
  await page.getByRole('button', { name: 'Phone', exact: true }).click();
  const form = page.getByRole('form', { name: 'Phone account' });
  await form.getByLabel('Server (WebSocket URL)').fill(LAB_WS_URL);
  await form.getByLabel('SIP address', { exact: true }).fill(REP_AOR);
  await form.getByLabel('Password', { exact: true }).fill(password);
  await form.getByLabel('Display name', { exact: true }).fill('Dana Reyes');
  await form.getByLabel('Dial plan').fill(`sip:{digits}@127.0.0.1:${LAB_PORTS.kamailioUdp}`);
  await form.getByLabel('Ring timeout (seconds)').fill(String(ringTimeoutSeconds));
  await form.getByRole('button', { name: 'Save and connect' }).click();
  await expect(form.getByRole('status', { name: 'Save status' })).toHaveText('Saved. Connecting with the new account…');
  // Write-only: the password is never shown again, only that one is saved.
  await expect(form.getByLabel('Password', { exact: true })).toHaveValue('');
  await expect(form.getByText('A password is saved. Leave empty to keep it.')).toBeVisible();
}

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 20_000 });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr || result.error}`);
}

/**
 * What the lead heard: our fake-microphone tone in baresip's recording, measured by sox once
 * baresip is stopped (it closes the file then). baresip 1.0 records only up to the first
 * re-INVITE, so the window is 2.5 s to 0.5 s before the recording's end: before any hold.
 */
export async function expectMicToneInLeadRecording(
  lab: Lab,
  baresip: LeadPhone,
  testInfo: TestInfo,
): Promise<void> {
  await baresip.proc.stop();
  const [recording] = lab.recordings(baresip.recDir);
  expect(recording, `no recording in ${baresip.recDir}`).toBeDefined();
  const whole = soxStat(recording);
  const tone = soxStat(recording, ['trim', String(Math.max(0, whole.lengthSeconds - 2.5)), '2']);
  testInfo.annotations.push({ type: 'recorded by baresip', description: JSON.stringify({ whole, tone }) });
  expect(whole.lengthSeconds).toBeGreaterThan(5);
  expect(tone.roughFrequency).toBeGreaterThan(MIC_TONE_HZ - 15);
  expect(tone.roughFrequency).toBeLessThan(MIC_TONE_HZ + 15);
  expect(tone.rms).toBeGreaterThan(0.25);
}

type LeadPhone = Awaited<ReturnType<Lab['startBaresip']>>;

/**
 * Where the lab's leads live: a place whose law lets Dialdesk call it now. The law looks at the place of
 * the number itself (a New York number is refused at 21:00 New York time whatever zone the CSV gives), so
 * a suite that runs at any hour picks, with the app's own gate (`cli check`), the first of these places
 * where a call is legal now and ten minutes on. Each is a valid number ending in two free digits.
 */
const LAB_PLACES = ['+12125550147', '+13105550147', '+18085550147', '+81355550147', '+61295550147', '+911125550147', '+97142550147', '+442075550147'];

function legalAt(number: string, at: Date, dataDir: string): boolean {
  const cli = spawnSync(process.execPath, ['--import', 'tsx', 'main/cli/cli.ts', 'check', number, '--at', at.toISOString(), '--json', '--data-dir', dataDir], { encoding: 'utf8', timeout: 60_000 });
  const last = cli.stdout.trim().split('\n').at(-1) ?? '';
  try {
    return (JSON.parse(last) as { legal?: { allowed?: boolean } }).legal?.allowed === true;
  } catch {
    throw new Error(`cli check ${number} gave no verdict: ${cli.stderr || cli.stdout}`);
  }
}

let labPlace: string | null = null;
/** `count` lab numbers in one place the law lets the suite call now (E.164, the same but for the last two digits). */
export function callableNumbers(count: number): string[] {
  if (!labPlace) {
    const dataDir = join(tmpdir(), `dialdesk-lab-place-${process.pid}`);
    const now = new Date();
    const soon = new Date(now.getTime() + 10 * 60_000);
    labPlace = LAB_PLACES.find((n) => legalAt(n, now, dataDir) && legalAt(n, soon, dataDir)) ?? null;
    if (!labPlace) throw new Error(`None of the lab's places may be called at ${now.toISOString()}: ${LAB_PLACES.join(', ')}`);
  }
  const stem = labPlace.slice(0, -2);
  return Array.from({ length: count }, (_, i) => `${stem}${String(41 + i).padStart(2, '0')}`);
}

/** The lead's phone number in the audio specs (baresip's user; valid for import, so it can be a lead). */
export const LEAD_DIGITS = callableNumbers(7)[6].slice(1);

/**
 * The WebRTC ↔ plain-RTP lab both audio specs use: rtpengine, Kamailio with digest auth and
 * rtpengine, and baresip as the lead's phone playing the greeting and tone (makeGreeting).
 */
export async function startAudioLab(lab: Lab): Promise<LeadPhone> {
  await lab.startRtpengine();
  await lab.startKamailio({ auth: true, rtpengine: true });
  return lab.startBaresip({ user: LEAD_DIGITS, greetingWav: makeGreeting(lab.runDir) });
}
