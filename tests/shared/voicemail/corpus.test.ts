import { beforeAll, describe, expect, it } from 'vitest';
import { buildCorpus, type CorpusCase } from '../../fixtures/voicemail/corpus.js';
import { describeEvaluation, evaluate, type Evaluation } from '../../fixtures/voicemail/evaluate.js';

/**
 * The detector on the synthesised corpus (espeak-ng + sox): one set of
 * thresholds for every case. Prints precision, recall and latency.
 */
describe('beep detector on the voicemail corpus', () => {
  let cases: CorpusCase[];
  let result: Evaluation;
  beforeAll(() => {
    cases = buildCorpus();
    result = evaluate(cases);
    console.log(`Voicemail corpus (${cases.length} recordings):\n${describeEvaluation(result)}`);
  }, 240_000);

  it('covers the cases the issue names', () => {
    const count = (e: CorpusCase['expected']) => cases.filter((c) => c.expected === e).length;
    expect(count('beep')).toBeGreaterThanOrEqual(60);
    expect(count('human')).toBeGreaterThanOrEqual(20);
    expect(count('silence-after-greeting')).toBeGreaterThanOrEqual(10);
    for (const kind of ['hold-music', 'dtmf', 'ringback']) expect(cases.some((c) => c.name.startsWith(kind))).toBe(true);
    expect(cases.some((c) => c.recipe.includes('ulaw'))).toBe(true);
    expect(cases.some((c) => c.recipe.includes('alaw'))).toBe(true);
  });

  it('finds the beeps (recall ≥ 0.97) and says beep only when there is one', () => {
    expect(result.recall).toBeGreaterThanOrEqual(0.97);
    expect(result.precision).toBeGreaterThanOrEqual(0.97);
  });

  it('never plays a message at a person, music, DTMF or ringback', () => {
    expect(result.humanFalseDropRate).toBeLessThanOrEqual(0.01);
    expect(result.otherFalseDropRate).toBe(0);
  });

  it('settles greetings that end without a beep', () => {
    expect(result.silenceAfterGreetingRate).toBeGreaterThanOrEqual(0.9);
  });

  it('decides within 250 ms of the beep ending (p95)', () => {
    expect(result.latencyP95Ms).toBeLessThanOrEqual(250);
  });
});
