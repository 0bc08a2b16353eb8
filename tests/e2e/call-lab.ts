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
import { expect, type Page } from '@playwright/test';
import { config } from '../../playwright.config.js';
import { Lab, LAB_PORTS, LAB_WS_URL } from '../lab/lab.js';

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

/**
 * The lead's phone greeting (8 kHz mono, what baresip plays): a spoken line, then a 1000 Hz beep
 * at half scale for 2.5 s, then silence long enough that the rep hangs up first.
 */
export function makeGreeting(dir: string): string {
  const speech = join(dir, 'speech.wav');
  const speech8k = join(dir, 'speech-8k.wav');
  const beep = join(dir, 'beep.wav');
  const greeting = join(dir, 'greeting.wav');
  run('espeak-ng', ['-w', speech, 'Hello, you have reached the lead phone.']);
  run('sox', [speech, '-r', '8000', '-c', '1', '-b', '16', speech8k, 'pad', '0.5', '0.3']);
  run('sox', ['-n', '-r', '8000', '-c', '1', '-b', '16', beep, 'synth', '2.5', 'sine', '1000', 'vol', '0.5', 'pad', '0', '20']);
  run('sox', [speech8k, beep, greeting]);
  return greeting;
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

/** Types the lab account into the Phone screen and saves it (the password is write-only afterwards). */
export async function configurePhone(page: Page, password: string): Promise<void> {
  await page.getByRole('button', { name: 'Phone', exact: true }).click();
  const form = page.getByRole('form', { name: 'Phone account' });
  await form.getByLabel('Server (WebSocket URL)').fill(LAB_WS_URL);
  await form.getByLabel('SIP address', { exact: true }).fill(REP_AOR);
  await form.getByLabel('Password', { exact: true }).fill(password);
  await form.getByLabel('Display name', { exact: true }).fill('Dana Reyes');
  await form.getByLabel('Dial plan').fill(`sip:{digits}@127.0.0.1:${LAB_PORTS.kamailioUdp}`);
  await form.getByLabel('Ring timeout (seconds)').fill('20');
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
