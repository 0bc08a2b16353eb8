import { FrameAnalyzer } from './frame-analysis.js';

/** The detector's loudness rule: sound is 10 dB over the quietest frames, and never below -55 dBFS. */
const ABOVE_FLOOR_DB = 10;
const NEVER_LOUD_DB = -55;
const MARGIN_S = 0.15;

/**
 * Where the speech in a recording starts and ends (with a short margin), for
 * trimming a recorded voicemail; null when it holds nothing but quiet.
 */
export function speechBounds(samples: Float32Array, sampleRate: number): { startS: number; endS: number } | null {
  const analyzer = new FrameAnalyzer(sampleRate, 0.03);
  const hop = Math.round(sampleRate * 0.01);
  const levels: number[] = [];
  for (let start = 0; start + analyzer.windowLength <= samples.length; start += hop) levels.push(analyzer.analyze(samples, start).levelDb);
  if (levels.length === 0) return null;
  const floor = Math.min(...levels);
  const threshold = Math.max(floor + ABOVE_FLOOR_DB, NEVER_LOUD_DB);
  const first = levels.findIndex((l) => l >= threshold);
  if (first < 0) return null;
  let last = levels.length - 1;
  while (levels[last] < threshold) last--;
  const duration = samples.length / sampleRate;
  return {
    startS: Math.max(0, (first * hop) / sampleRate - MARGIN_S),
    endS: Math.min(duration, (last * hop + analyzer.windowLength) / sampleRate + MARGIN_S),
  };
}
