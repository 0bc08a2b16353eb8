import { execFileSync } from 'node:child_process';
import { mkdirSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCorpus, type CorpusCase } from '../../fixtures/voicemail/corpus.js';
import { MAX_DETECT_FILE_BYTES } from '../../../main/cli/read-bounded-file.js';
import { cli } from '../../support/run-cli.js';
import { useTempDirs } from '../../support/temp-dir.js';

describe('dialdesk detect FILE.wav', () => {
  const tempDir = useTempDirs();
  let cases: CorpusCase[];
  beforeAll(() => {
    cases = buildCorpus();
  }, 240_000);

  it('prints one JSON line with the beep for a G.711 μ-law file, a stereo 44.1 kHz file and a 16 kHz file', async () => {
    const ulaw = cases.find((c) => c.expected === 'beep' && execFileSync('soxi', ['-e', c.file], { encoding: 'utf8' }).includes('u-law'))!;
    const stereo = cases.find((c) => c.expected === 'beep' && c.recipe.includes('44100 Hz ×2'))!;
    const wide = cases.find((c) => c.expected === 'beep' && c.recipe.includes('16000 Hz'))!;
    for (const c of [ulaw, stereo, wide]) {
      const { code, out } = await cli(['detect', c.file]);
      expect(code).toBe(0);
      expect(out.trim().split('\n')).toHaveLength(1);
      const answer = JSON.parse(out);
      expect(answer).toMatchObject({ verdict: 'beep' });
      expect(Math.abs(answer.beepStartS - c.beepStartS!)).toBeLessThan(0.1);
      expect(Math.abs(answer.beepEndS - c.beepEndS!)).toBeLessThan(0.1);
      expect(Math.abs(answer.beepHz - c.beepHz!)).toBeLessThan(10);
    }
  });

  it('says human for someone saying hello, with null beep fields', async () => {
    const human = cases.find((c) => c.expected === 'human')!;
    const { code, out } = await cli(['detect', human.file]);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ verdict: 'human', beepStartS: null, beepEndS: null, beepHz: null });
  });

  it('honours --silence-after-greeting', async () => {
    const noBeep = cases.find((c) => c.expected === 'silence-after-greeting')!;
    const slow = JSON.parse((await cli(['detect', noBeep.file])).out);
    const quick = JSON.parse((await cli(['detect', noBeep.file, '--silence-after-greeting', '1500'])).out);
    expect(slow.verdict).toBe('silence-after-greeting');
    expect(quick.verdict).toBe('silence-after-greeting');
    expect(slow.decidedAtS - quick.decidedAtS).toBeCloseTo(1.5, 1);
    expect((await cli(['detect', noBeep.file, '--silence-after-greeting', 'soon'])).code).toBe(1);
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
