import { detectInBuffer } from '../../shared/voicemail/detect-buffer.js';
import { readWav, WavFileError } from '../core/voicemail-audio/read-wav.js';
import { MAX_DETECT_FILE_BYTES, readBoundedFile } from './read-bounded-file.js';

export class DetectInputError extends Error {}

/**
 * `detect FILE.wav [--silence-after-greeting MS]`: runs the call's beep
 * detector over a recording, so support can check what Dialdesk would have
 * decided on a customer's call. One JSON line; times in seconds from the start.
 * `beepHz` is the beep's (strongest) tone, `beepTonesHz` every tone in it (two
 * for a two-tone beep); `sitTonesHz` the intercept's three tones for `sit`.
 */
export function detectCommand(file: string | undefined, silenceAfterGreeting: string | undefined): string {
  if (!file) throw new DetectInputError('detect needs a WAV FILE.');
  // Checked before reading: decoding takes 4–8 times the file's size.
  const bytes = readBoundedFile(file, MAX_DETECT_FILE_BYTES, 'Cut the recording to its first minutes first (sox call.wav start.wav trim 0 120).', (message) => new DetectInputError(message));
  const settings: { silenceAfterGreetingMs?: number } = {};
  if (silenceAfterGreeting !== undefined) {
    const ms = Number(silenceAfterGreeting);
    if (!Number.isFinite(ms) || ms < 500 || ms > 30_000) {
      throw new DetectInputError('--silence-after-greeting takes milliseconds between 500 and 30000.');
    }
    settings.silenceAfterGreetingMs = ms;
  }
  let audio;
  try {
    audio = readWav(bytes);
  } catch (error) {
    if (error instanceof WavFileError) throw new DetectInputError(`${file}: ${error.message}`);
    throw error;
  }
  const r = detectInBuffer(audio.samples, audio.sampleRate, settings);
  const round = (value: number | null, places: number) => (value === null ? null : Number(value.toFixed(places)));
  return `${JSON.stringify({
    verdict: r.verdict,
    beepStartS: round(r.beepStartS, 3),
    beepEndS: round(r.beepEndS, 3),
    beepHz: round(r.beepHz, 1),
    beepTonesHz: r.beepTonesHz ? r.beepTonesHz.map((hz) => round(hz, 1)) : null,
    sitTonesHz: r.sitTonesHz ? r.sitTonesHz.map((hz) => round(hz, 1)) : null,
    decidedAtS: round(r.decidedAtS, 3),
  })}\n`;
}
