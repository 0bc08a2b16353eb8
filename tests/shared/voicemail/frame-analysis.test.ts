import { describe, expect, it } from 'vitest';
import { FrameAnalyzer } from '../../../shared/voicemail/frame-analysis.js';
import { noise, tone } from './synth.js';

describe('FrameAnalyzer', () => {
  const analyzer = new FrameAnalyzer(8000, 0.03);

  it.each([425, 1000, 1400, 2000])('finds a %i Hz sine, its level, and that it is one peak', (hz) => {
    const f = analyzer.analyze(tone(8000, 0.05, hz, 0.5), 0);
    expect(f.peakHz).toBeGreaterThan(hz - 3);
    expect(f.peakHz).toBeLessThan(hz + 3);
    expect(f.levelDb).toBeCloseTo(20 * Math.log10(0.5), 0);
    expect(f.peakShare).toBeGreaterThan(0.97);
  });

  it('sees DTMF as two peaks, not one', () => {
    const f = analyzer.analyze(tone(8000, 0.05, [770, 1336], 0.5), 0);
    expect(f.peakShare).toBeLessThan(0.6);
    expect(f.twoPeakShare).toBeGreaterThan(0.95);
  });

  it('sees white noise as no peak at all', () => {
    const f = analyzer.analyze(noise(8000, 0.05, 0.3), 0);
    expect(f.twoPeakShare).toBeLessThan(0.4);
  });

  it('measures digital silence at the floor, not -Infinity', () => {
    expect(analyzer.analyze(new Float32Array(400), 0).levelDb).toBe(-100);
  });
});
