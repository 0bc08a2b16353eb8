import { describe, expect, it } from 'vitest';
import { BEEP_KINDS, drawFarEnd, FAR_END_KINDS, type FarEnd } from '../../../../main/core/practice/far-end-draw.js';

const draws = (seeds: number, perRun: number): FarEnd[] => {
  const all: FarEnd[] = [];
  for (let seed = 0; seed < seeds; seed++) for (let i = 0; i < perRun; i++) all.push(drawFarEnd(seed * 7919 + 13, i));
  return all;
};

describe('the practice far ends, drawn with a seed', () => {
  it('gives the same far end for the same seed and call, and different runs for different seeds', () => {
    for (const seed of [0, 1, 32, 4_294_967_295]) {
      for (let i = 0; i < 12; i++) expect(drawFarEnd(seed, i)).toEqual(drawFarEnd(seed, i));
    }
    const runOf = (seed: number) => JSON.stringify([1, 2, 3, 4, 5, 6].map((i) => drawFarEnd(seed, i)));
    expect(new Set([1, 2, 3, 4, 5, 6, 7, 8].map(runOf)).size).toBe(8);
  });

  it('meets every kind, and every beep kind of the detector corpus, in about the weights a rep meets them', () => {
    const all = draws(400, 10).filter((_, n) => n % 10 !== 0);
    const share = (kind: string) => all.filter((f) => f.kind === kind).length / all.length;
    expect(share('voicemail')).toBeGreaterThan(0.33);
    expect(share('voicemail')).toBeLessThan(0.47);
    for (const kind of FAR_END_KINDS) expect(share(kind), kind).toBeGreaterThan(0.07);
    const boxes = all.filter((f) => f.kind === 'voicemail');
    for (const beep of BEEP_KINDS) expect(boxes.filter((f) => f.beep?.kind === beep).length / boxes.length, beep).toBeGreaterThan(0.2);
  });

  it('always opens a run with a voicemail box, its beep still drawn', () => {
    const firsts = Array.from({ length: 300 }, (_, seed) => drawFarEnd(seed, 0));
    expect(firsts.every((f) => f.kind === 'voicemail')).toBe(true);
    expect(new Set(firsts.map((f) => f.beep?.kind))).toEqual(new Set(BEEP_KINDS));
  });

  it('draws each kind as it sounds: beeps a box could play, speech only where someone speaks, no answer rings on', () => {
    for (const f of draws(200, 8)) {
      if (f.kind === 'voicemail') {
        const beep = f.beep!;
        expect(beep.seconds).toBeGreaterThanOrEqual(0.25);
        expect(beep.seconds).toBeLessThanOrEqual(0.9);
        expect(beep.amplitude).toBeGreaterThan(0.09);
        expect(beep.amplitude).toBeLessThan(0.41);
        for (const hz of beep.hz) expect(hz >= 400 && hz <= 2000, `${hz} Hz`).toBe(true);
        if (beep.kind === 'single') expect(beep.hz).toHaveLength(1);
        if (beep.kind === 'two-tone') expect(beep.hz).toHaveLength(2);
        expect(beep.lineNoise !== null).toBe(beep.kind === 'noisy');
        expect(f.speech).toMatch(/\w/);
      } else {
        expect(f.beep).toBeNull();
      }
      if (f.kind === 'person') expect(f.speech).toMatch(/hello/i);
      if (f.kind === 'busy' || f.kind === 'no-answer' || f.kind === 'not-in-service') expect(f.speech).toBeNull();
      if (f.kind === 'no-answer') expect(f.ringS).toBe(Number.POSITIVE_INFINITY);
      else expect(f.ringS).toBeLessThan(5);
    }
  });

  it('refuses an index that is not a call number', () => {
    expect(() => drawFarEnd(1, -1)).toThrow(RangeError);
    expect(() => drawFarEnd(1, 1.5)).toThrow(RangeError);
  });
});
