/**
 * Voicemail figures: the beep detector on the whole generated corpus, the
 * tuning part and the held-out part reported apart and together (recall by SNR
 * band and by beep class, messages played at people and at other negatives,
 * SIT found, a confusion table, latency after the beep ends, CPU per second of
 * audio), then the time to synthesise a 75-word script.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findSpeechEngine } from '../../main/core/voicemail-audio/speech-engines.js';
import { detectInBuffer } from '../../shared/voicemail/detect-buffer.js';
import { buildCorpus, stressCorpus } from '../fixtures/voicemail/corpus.js';
import { describeEvaluation, evaluate, summarize, type Evaluation } from '../fixtures/voicemail/evaluate.js';
import type { BenchReport } from './bench-report.js';

const SCRIPT_75_WORDS =
  "Hi Dana, this is Sam Patel from Northwind Traders. Priya Shah at Harbor Freight suggested I reach out about your delivery routes " +
  "and the scheduling headaches she mentioned last week. I'm not selling anything today, just finding fifteen minutes " +
  "that suit you. I'll try you again tomorrow at 8:15 your time, as promised. If another time is better, call me back on " +
  '512 555 0182. Again, Sam Patel, 512 555 0182. Thanks, Dana, talk soon.';

const keyOf = (label: string) => label.replace(/[^a-z0-9]+/gi, '_').replace(/^_|_$/g, '').toLowerCase();

function partFigures(report: BenchReport, prefix: string, name: string, e: Evaluation): void {
  report.figure(`${prefix}.recall`, e.recall, { label: `${name}: recall`, digits: 3, target: { min: 0.97 } });
  report.figure(`${prefix}.recall_at_15db`, e.recallAt15dB, { label: `${name}: recall at ≥ 15 dB SNR`, digits: 3 });
  report.figure(`${prefix}.worst_class_recall_at_15db`, e.worstClassRecallAt15dB, { label: `${name}: lowest class recall at ≥ 15 dB`, digits: 3, target: { min: 0.95 } });
  for (const [band, r] of e.recallBySnr) report.figure(`${prefix}.recall_snr_${keyOf(band)}`, r.hits / r.of, { label: `${name}: recall, SNR ${band} (${r.of})`, digits: 3 });
  for (const [beep, r] of e.recallByClass) report.figure(`${prefix}.recall_class_${keyOf(beep)}`, r.hits / r.of, { label: `${name}: recall, ${beep} (${r.of})`, digits: 3 });
  report.figure(`${prefix}.human_false_drops`, e.humanDrops, { label: `${name}: messages played at ${e.humans} people`, digits: 0, target: { max: 0 } });
  report.figure(`${prefix}.other_false_drops`, e.otherDrops, { label: `${name}: played at ${e.others} tones/music/faxes/SIT`, digits: 0, target: { max: 0 } });
}

export async function benchmarkVoicemail(report: BenchReport): Promise<void> {
  let started = performance.now();
  const cases = buildCorpus();
  const tune = cases.filter((c) => c.split === 'tune');
  const holdout = cases.filter((c) => c.split === 'holdout');
  report.note(`corpus: ${cases.length} recordings (${tune.length} tuning, ${holdout.length} held out), generated at test time`);
  const all = evaluate(cases);
  const part = (split: string) => summarize(all.results.filter((r) => r.case.split === split));
  const evaluations = { tune: part('tune'), holdout: part('holdout') };
  report.note(`evaluated in ${((performance.now() - started) / 1000).toFixed(1)} s (speech cached after the first run)`);
  for (const [part, e] of Object.entries(evaluations)) {
    report.heading(`  ${part === 'tune' ? 'Tuning part' : 'Held-out part (never tuned on)'}: ${e.results.length} recordings`);
    for (const line of describeEvaluation(e, 25).split('\n')) report.note(`  ${line}`);
  }
  report.heading('  Whole corpus');
  partFigures(report, 'voicemail.detector', 'all', all);
  partFigures(report, 'voicemail.detector.holdout', 'held out', evaluations.holdout);
  report.figure('voicemail.detector.precision', all.precision, { label: 'beep detector precision', digits: 3 });
  report.figure('voicemail.detector.human_false_drop_rate', all.humanDrops / all.humans, {
    label: `messages played at a person answering (of ${all.humans})`,
    digits: 3,
    target: { max: 0.01 },
  });
  report.figure('voicemail.detector.sit_recall', all.sitFound.hits / all.sitFound.of, { label: `SIT intercepts named (${all.sitFound.of})`, digits: 3 });
  report.figure('voicemail.detector.latency_p50_ms', all.latencyP50Ms, { label: 'verdict after the beep ends, p50', unit: 'ms' });
  report.figure('voicemail.detector.latency_p95_ms', all.latencyP95Ms, { label: 'verdict after the beep ends, p95', unit: 'ms', target: { max: 250 } });

  // Below the claim: where it gives way (no target).
  const stress = evaluate(stressCorpus());
  report.heading(`  Below the claim (0–10 dB SNR, ${stress.results.length} beeps, no target)`);
  for (const [band, r] of stress.recallBySnr) report.figure(`voicemail.detector.stress.recall_snr_${keyOf(band)}`, r.hits / r.of, { label: `recall, SNR ${band} (${r.of})`, digits: 3 });
  for (const [beep, r] of stress.recallByClass) report.figure(`voicemail.detector.stress.recall_class_${keyOf(beep)}`, r.hits / r.of, { label: `recall at 0–10 dB, ${beep} (${r.of})`, digits: 3 });

  // CPU on warm code: the audio is rendered first, only the detector is timed, listening to the end of every file.
  const rendered = cases.filter((_, i) => i % 3 === 0).map((c) => ({ samples: c.render(), rate: c.rate }));
  let audioSeconds = 0;
  started = performance.now();
  for (const audio of rendered) {
    detectInBuffer(audio.samples, audio.rate, { maxAnalysisMs: Number.MAX_SAFE_INTEGER });
    audioSeconds += audio.samples.length / audio.rate;
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
