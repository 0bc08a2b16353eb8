import { execFileSync } from 'node:child_process';
import { mkdirSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { encodeWav16 } from '../../../shared/voicemail/wav-encode.js';
import { buildCorpus, type CorpusCase } from '../../fixtures/voicemail/corpus.js';
import { MAX_DETECT_FILE_BYTES } from '../../../main/cli/read-bounded-file.js';
import { cli } from '../../support/run-cli.js';
import { useTempDirs } from '../../support/temp-dir.js';

/** A corpus case as a file: 16-bit PCM at its own rate, or through sox as G.711 μ-law or stereo 44.1 kHz. */
function writeCase(dir: string, c: CorpusCase, as: 'pcm' | 'ulaw' | 'stereo-44k' = 'pcm'): string {
  const pcm = join(dir, `${c.name}.wav`);
  writeFileSync(pcm, encodeWav16(c.render(), c.rate));
  if (as === 'pcm') return pcm;
  const out = join(dir, `${c.name}.${as}.wav`);
  if (as === 'ulaw') execFileSync('sox', [pcm, '-r', '8000', '-e', 'u-law', out]);
  else execFileSync('sox', [pcm, '-r', '44100', '-c', '2', out]);
  return out;
}

describe('dialdesk detect FILE.wav', () => {
  const tempDir = useTempDirs();
  let cases: CorpusCase[];
  beforeAll(() => {
    cases = buildCorpus().filter((c) => c.split === 'tune');
  }, 240_000);

  const expectBeep = (answer: Record<string, unknown>, c: CorpusCase) => {
    expect(answer).toMatchObject({ verdict: 'beep' });
    expect(Math.abs((answer.beepStartS as number) - c.beepStartS!)).toBeLessThan(0.1);
    expect(Math.abs((answer.beepEndS as number) - c.beepEndS!)).toBeLessThan(0.1);
    const tones = answer.beepTonesHz as number[];
    expect(tones).toHaveLength(c.beepTonesHz!.length);
    tones.forEach((hz, i) => expect(Math.abs(hz - c.beepTonesHz![i])).toBeLessThan(c.beepTonesHz![i] * 0.02));
    expect(tones).toContain(answer.beepHz);
  };

  it('answers beep with its start, end and tones for the four field classes: noise with μ-law, two tones, quiet tones in noise, short beeps', async () => {
    const dir = tempDir();
    const field = cases.filter((c) => c.beepClass === 'field');
    // The field class cycles through its four kinds, one case in five of the positives each.
    const noisyPbx = field.find((c) => c.line === 'ulaw' && c.recipe.includes('dBFS (') && c.beepTonesHz!.length === 2)!;
    const twoTone = field.find((c) => c.beepTonesHz!.length === 2 && c.snrDb !== null && c.snrDb < 20 && c !== noisyPbx)!;
    const quietInNoise = field.find((c) => c.beepTonesHz!.length === 1 && [850, 1400, 2000].includes(c.beepTonesHz![0]) && c.snrDb !== null)!;
    const short = field.find((c) => c.beepEndS! - c.beepStartS! < 0.2)!;
    for (const [c, as] of [[noisyPbx, 'ulaw'], [twoTone, 'stereo-44k'], [quietInNoise, 'pcm'], [short, 'ulaw']] as const) {
      const { code, out } = await cli(['detect', writeCase(dir, c, as)]);
      expect(code, c.recipe).toBe(0);
      expect(out.trim().split('\n')).toHaveLength(1);
      expectBeep(JSON.parse(out), c);
    }
  });

  it('says human for someone saying hello, and sit for an intercept, with null beep fields', async () => {
    const dir = tempDir();
    const human = cases.find((c) => c.expected === 'human' && c.noise === null)!;
    const { code, out } = await cli(['detect', writeCase(dir, human)]);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ verdict: 'human', beepStartS: null, beepEndS: null, beepHz: null, beepTonesHz: null });
    const sit = cases.find((c) => c.expected === 'sit')!;
    const intercept = JSON.parse((await cli(['detect', writeCase(dir, sit)])).out);
    expect(intercept).toMatchObject({ verdict: 'sit', beepHz: null });
    expect(intercept.sitTonesHz).toHaveLength(3);
    expect(intercept.sitTonesHz[2]).toBeCloseTo(1776.7, -1);
  });

  it('honours --silence-after-greeting', async () => {
    const dir = tempDir();
    const noBeep = writeCase(dir, cases.find((c) => c.expected === 'silence-after-greeting' && c.noise === null)!);
    const slow = JSON.parse((await cli(['detect', noBeep])).out);
    const quick = JSON.parse((await cli(['detect', noBeep, '--silence-after-greeting', '1500'])).out);
    expect(slow.verdict).toBe('silence-after-greeting');
    expect(quick.verdict).toBe('silence-after-greeting');
    expect(slow.decidedAtS - quick.decidedAtS).toBeCloseTo(1.5, 1);
    expect((await cli(['detect', noBeep, '--silence-after-greeting', 'soon'])).code).toBe(1);
  });

  it('fails clearly on a missing file or one that is not WAV, touching no data folder', async () => {
    const dir = tempDir();
    const missing = await cli(['detect', join(dir, 'nope.wav')]);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('ENOENT');
    const text = join(dir, 'notes.wav');
    writeFileSync(text, 'these are not samples');
    const bad = await cli(['detect', text]);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/Not a WAV file/);
    expect((await cli(['detect'])).code).toBe(1);
  });

  it('refuses a file over the size limit, or a folder, before reading it (decoding takes 4–8 times its size)', async () => {
    const dir = tempDir();
    const big = join(dir, 'all-day.wav');
    writeFileSync(big, '');
    // Sparse: the size is what is checked, no disk is used.
    truncateSync(big, MAX_DETECT_FILE_BYTES + 1);
    const refused = await cli(['detect', big]);
    expect(refused.code).toBe(1);
    expect(refused.out).toBe('');
    expect(refused.err).toBe(`${big} is 50 MB; this command reads files up to 50 MB. Cut the recording to its first minutes first (sox call.wav start.wav trim 0 120).\n`);
    mkdirSync(join(dir, 'a-folder.wav'));
    expect((await cli(['detect', join(dir, 'a-folder.wav')])).err).toBe(`${join(dir, 'a-folder.wav')} is not a file.\n`);
  });
});
