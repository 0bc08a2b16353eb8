import { beforeAll, describe, expect, it } from 'vitest';
import { buildCorpus, corpusSample, type CorpusCase } from '../../fixtures/voicemail/corpus.js';
import { describeEvaluation, evaluate, type Evaluation } from '../../fixtures/voicemail/evaluate.js';

/**
 * The detector on a representative slice of the generated corpus (every 7th case of each kind in the
 * tuning part; the bench runs all of both parts, the held-out one reported on its own): one set of
 * thresholds for every case.
 */
describe('beep detector on the voicemail corpus', () => {
  let sample: CorpusCase[];
  let result: Evaluation;
  beforeAll(() => {
    // 7: prime to the corpus's own cycles (one- and two-tone alternate, a third recorded, a fifth field), so the slice has all.
    sample = corpusSample('tune', 7);
    result = evaluate(sample);
    console.log(`Voicemail corpus sample (${sample.length} recordings):\n${describeEvaluation(result)}`);
  }, 240_000);

  it('covers what the field sends: noise, two-tone and short beeps, codecs, loss, people, tones, faxes, intercepts', () => {
    const all = buildCorpus();
    const count = (e: CorpusCase['expected']) => all.filter((c) => c.expected === e).length;
    expect(count('beep')).toBeGreaterThanOrEqual(600);
    expect(count('human')).toBeGreaterThanOrEqual(300);
    expect(count('sit')).toBeGreaterThanOrEqual(20);
    for (const kind of ['hold-music', 'dtmf', 'ringback', 'busy', 'fax-cng', 'fax-ced']) expect(all.some((c) => c.name.includes(`-${kind}-`))).toBe(true);
    const beeps = all.filter((c) => c.expected === 'beep');
    for (const colour of ['white', 'pink', 'brown'] as const) expect(beeps.filter((c) => c.noise === colour && c.snrDb! < 12).length).toBeGreaterThan(5);
    expect(beeps.filter((c) => c.beepTonesHz!.length === 2).length).toBeGreaterThan(150);
    // Real recorded speech (a PBX's prompts) as well as eSpeak NG.
    expect(beeps.filter((c) => c.recipe.startsWith('recorded PBX prompts')).length).toBeGreaterThan(150);
    expect(all.filter((c) => c.expected === 'human' && c.recipe.includes('(recorded)')).length).toBeGreaterThan(20);
    expect(beeps.filter((c) => c.beepEndS! - c.beepStartS! < 0.15).length).toBeGreaterThan(10);
    for (const line of ['ulaw', 'alaw', 'ulaw+loss', 'loss'] as const) expect(beeps.some((c) => c.line === line)).toBe(true);
    expect(new Set(all.filter((c) => c.expected === 'human').map((c) => c.noise))).toEqual(new Set([null, 'tv', 'street', 'office', 'music']));
    expect(all.filter((c) => c.split === 'holdout').length).toBeGreaterThan(300);
  });

  it('finds the beeps (recall ≥ 0.97, every class ≥ 0.95 at 15 dB SNR and above) and says beep only when there is one', () => {
    expect(result.recall).toBeGreaterThanOrEqual(0.97);
    expect(result.worstClassRecallAt15dB).toBeGreaterThanOrEqual(0.95);
    expect(result.precision).toBeGreaterThanOrEqual(0.97);
  });

  it('never plays a message at a person, music, a call-progress tone, a keypad, a fax or an intercept', () => {
    expect(result.humans).toBeGreaterThanOrEqual(28); // every 7th of the 200 people in the tuning part
    expect(result.humanDrops).toBe(0);
    expect(result.otherDrops).toBe(0);
  });

  it('names the SIT of a number not in service, and settles greetings that end without a beep', () => {
    expect(result.sitFound.of).toBeGreaterThan(0);
    expect(result.sitFound.hits).toBe(result.sitFound.of);
    expect(result.silenceAfterGreeting.hits / result.silenceAfterGreeting.of).toBeGreaterThanOrEqual(0.9);
  });

  it('decides within 250 ms of the beep ending (p95)', () => {
    expect(result.latencyP95Ms).toBeLessThanOrEqual(250);
  });
});
