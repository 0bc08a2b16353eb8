/**
 * Voicemail figures: the beep detector on the synthesised corpus (recall,
 * false drops on people answering, latency after the beep ends, CPU per
 * second of audio) and the time to synthesise a 75-word script.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readWav } from '../../main/core/voicemail-audio/read-wav.js';
import { findSpeechEngine } from '../../main/core/voicemail-audio/speech-engines.js';
import { detectInBuffer } from '../../shared/voicemail/detect-buffer.js';
import { buildCorpus } from '../fixtures/voicemail/corpus.js';
import { evaluate } from '../fixtures/voicemail/evaluate.js';
import type { BenchReport } from './bench-report.js';

const SCRIPT_75_WORDS =
  "Hi Dana, this is Sam Patel from Northwind Traders. Priya Shah at Harbor Freight suggested I reach out about your delivery routes " +
  "and the scheduling headaches she mentioned last week. I'm not selling anything today, just finding fifteen minutes " +
  "that suit you. I'll try you again tomorrow at 8:15 your time, as promised. If another time is better, call me back on " +
  '512 555 0182. Again, Sam Patel, 512 555 0182. Thanks, Dana, talk soon.';

export async function benchmarkVoicemail(report: BenchReport): Promise<void> {
  let started = performance.now();
  const cases = buildCorpus();
  report.note(`corpus: ${cases.length} recordings ready in ${((performance.now() - started) / 1000).toFixed(1)} s (built once, then cached)`);
  const result = evaluate(cases);
  report.figure('voicemail.detector.precision', result.precision, { label: 'beep detector precision', digits: 3 });
  report.figure('voicemail.detector.recall', result.recall, { label: 'beep detector recall', digits: 3, target: { min: 0.97 } });
  report.figure('voicemail.detector.human_false_drop_rate', result.humanFalseDropRate, {
    label: 'messages played at a person answering',
    digits: 3,
    target: { max: 0.01 },
  });
  report.figure('voicemail.detector.latency_p50_ms', result.latencyP50Ms, { label: 'verdict after the beep ends, p50', unit: 'ms' });
  report.figure('voicemail.detector.latency_p95_ms', result.latencyP95Ms, { label: 'verdict after the beep ends, p95', unit: 'ms', target: { max: 250 } });

  // CPU on warm code: the audio is decoded first, only the detector is timed.
  const decoded = cases.map((c) => readWav(readFileSync(c.file)));
  let audioSeconds = 0;
  started = performance.now();
  for (const audio of decoded) {
    detectInBuffer(audio.samples, audio.sampleRate, { maxAnalysisMs: Number.MAX_SAFE_INTEGER });
    audioSeconds += audio.samples.length / audio.sampleRate;
  }
  report.figure('voicemail.detector.cpu_ms_per_audio_s', (performance.now() - started) / audioSeconds, {
    label: 'detector CPU per second of audio (8–48 kHz)',
    unit: 'ms',
    target: { max: 20 },
  });

  const engine = await findSpeechEngine();
  if (!engine) {
    report.note('tts: no speech engine on this machine (espeak-ng, say or SAPI): tts.render_ms not measured');
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'dialdesk-tts-bench-'));
  try {
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      started = performance.now();
      await engine.render(SCRIPT_75_WORDS, { voice: '', rateWpm: 175 }, join(dir, `${i}.wav`));
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    report.figure('voicemail.tts.render_ms', times[1], { label: `synthesise a 75-word script (${engine.label}, median of 3)`, unit: 'ms' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
