import { chmodSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readWav } from '../../../../main/core/voicemail-audio/read-wav.js';
import {
  espeakEngine,
  findProgram,
  findSpeechEngine,
  sapiEngine,
  sapiRate,
  sayEngine,
  SpeechEngineError,
} from '../../../../main/core/voicemail-audio/speech-engines.js';
import { useTempDirs } from '../../../support/temp-dir.js';

const SCRIPT =
  "Hi Dana, it's Sam Patel from Northwind, calling because Priya Shah suggested we talk about your delivery routes. " +
  "I'll try you again tomorrow at 8:15 your time. If that's not good, call me back on 512 555 0182. Again, Sam Patel, 512 555 0182.";

const seconds = (file: string) => {
  const audio = readWav(readFileSync(file));
  return audio.samples.length / audio.sampleRate;
};

describe('speech engines', () => {
  const tempDir = useTempDirs();

  it('finds espeak-ng here and renders a script to WAV at the asked rate', async () => {
    const engine = await findSpeechEngine('linux');
    expect(engine?.id).toBe('espeak-ng');
    const dir = tempDir();
    const slow = join(dir, 'slow.wav');
    const fast = join(dir, 'fast.wav');
    await engine!.render(SCRIPT, { voice: 'en-us', rateWpm: 140 }, slow);
    await engine!.render(SCRIPT, { voice: 'en-us', rateWpm: 220 }, fast);
    const words = SCRIPT.split(/\s+/).length;
    // espeak-ng's pauses at commas and full stops make it slower than the nominal rate, never faster.
    expect(seconds(slow)).toBeGreaterThan((words / 140) * 60 * 0.8);
    expect(seconds(slow)).toBeLessThan((words / 140) * 60 * 1.6);
    expect(seconds(fast)).toBeLessThan(seconds(slow) * 0.8);
    const voices = await engine!.voices();
    expect(voices.map((v) => v.id)).toContain('en-us');
  });

  it('passes the text on standard input, so a name cannot become an option', async () => {
    const engine = espeakEngine((await findProgram('espeak-ng'))!);
    const out = join(tempDir(), 'dash.wav');
    await engine.render('--version -w /tmp/x.wav', { voice: '', rateWpm: 175 }, out);
    expect(seconds(out)).toBeGreaterThan(0.5);
  });

  it('refuses a rate outside 80–300 wpm and reports a voice the engine lacks', async () => {
    const engine = espeakEngine((await findProgram('espeak-ng'))!);
    const out = join(tempDir(), 'x.wav');
    await expect(engine.render('Hello', { voice: '', rateWpm: 20 }, out)).rejects.toThrow(SpeechEngineError);
    await expect(engine.render('Hello', { voice: 'no-such-voice-xx', rateWpm: 175 }, out)).rejects.toThrow(SpeechEngineError);
  });

  it('checks an espeak-ng variant against its own variant list, not only the voice before the +', async () => {
    const engine = espeakEngine((await findProgram('espeak-ng'))!);
    const out = join(tempDir(), 'x.wav');
    await engine.render('Hello', { voice: 'en-us+klatt', rateWpm: 175 }, out);
    expect(readWav(readFileSync(out)).samples.length).toBeGreaterThan(0);
    for (const voice of ['en-us+no-such-variant', 'en-us+', '+klatt', 'en-us+klatt+klatt2', 'en-us+../../etc/passwd']) {
      await expect(engine.render('Hello', { voice, rateWpm: 175 }, out), voice).rejects.toThrow(new SpeechEngineError(`eSpeak NG has no voice "${voice}".`));
    }
  });

  it('reports no engine when the platform program is missing, so the UI offers the other ways', async () => {
    const none = async () => null;
    expect(await findSpeechEngine('linux', none)).toBeNull();
    expect(await findSpeechEngine('darwin', none)).toBeNull();
    expect(await findSpeechEngine('win32', none)).toBeNull();
    const found = async (name: string) => `/opt/${name}`;
    expect((await findSpeechEngine('darwin', found))?.id).toBe('say');
    expect((await findSpeechEngine('win32', found))?.id).toBe('sapi');
  });

  it('drives macOS say with the voice, rate, WAV output and a text file', async () => {
    const dir = tempDir();
    const fake = join(dir, 'say');
    // A stand-in for /usr/bin/say: records its arguments and the text file it was given.
    writeFileSync(
      fake,
      `#!/bin/sh\nif [ "$1" = "-v" ] && [ "$2" = "?" ]; then printf 'Alex                en_US    # Hi\\nAmélie              fr_CA    # Bonjour\\n'; exit 0; fi\n` +
        `printf '%s\\n' "$@" > "${dir}/args"\nwhile [ $# -gt 1 ]; do if [ "$1" = "-f" ]; then cp "$2" "${dir}/text"; fi; shift; done\n`,
    );
    chmodSync(fake, 0o755);
    const engine = sayEngine(fake);
    expect(await engine.voices()).toEqual([
      { id: 'Alex', name: 'Alex', language: 'en_US' },
      { id: 'Amélie', name: 'Amélie', language: 'fr_CA' },
    ]);
    await engine.render('Hi "Dana"; $(rm -rf /)', { voice: 'Alex', rateWpm: 170 }, join(dir, 'out.wav'));
    const args = readFileSync(join(dir, 'args'), 'utf8').trim().split('\n');
    expect(args.slice(0, 8)).toEqual(['-v', 'Alex', '-r', '170', '-o', join(dir, 'out.wav'), '--file-format=WAVE', '--data-format=LEI16@22050']);
    expect(readFileSync(join(dir, 'text'), 'utf8')).toBe('Hi "Dana"; $(rm -rf /)');
    // Only a voice say lists: "?" would list the voices instead of speaking, and an unknown one is an error here, not say's.
    rmSync(join(dir, 'args'));
    for (const voice of ['?', 'Nobody', 'alex']) {
      await expect(engine.render('Hi', { voice, rateWpm: 170 }, join(dir, 'out.wav')), voice).rejects.toThrow(new SpeechEngineError(`macOS voices has no voice "${voice}".`));
    }
    expect(existsSync(join(dir, 'args'))).toBe(false);
  });

  it('drives Windows SAPI through PowerShell with everything on standard input', async () => {
    const dir = tempDir();
    const fake = join(dir, 'powershell');
    writeFileSync(fake, `#!/bin/sh\ncat > "${dir}/stdin"\nprintf '%s\\n' "$@" > "${dir}/args"\nprintf 'Microsoft Zira Desktop\\ten-US\\r\\n'\n`);
    chmodSync(fake, 0o755);
    const engine = sapiEngine(fake);
    expect(await engine.voices()).toEqual([{ id: 'Microsoft Zira Desktop', name: 'Microsoft Zira Desktop', language: 'en-US' }]);
    await engine.render("It's Sam.\nCall me back.", { voice: 'Microsoft Zira Desktop', rateWpm: 180 }, 'C:\\out.wav');
    expect(readFileSync(join(dir, 'stdin'), 'utf8')).toBe("Microsoft Zira Desktop\n0\nC:\\out.wav\nIt's Sam.\nCall me back.");
    expect(readFileSync(join(dir, 'args'), 'utf8')).toContain('SetOutputToWaveFile($out)');
    await expect(engine.render('x', { voice: 'a\nb', rateWpm: 180 }, 'C:\\o.wav')).rejects.toThrow(SpeechEngineError);
    await expect(engine.render('x', { voice: 'Microsoft David Desktop', rateWpm: 180 }, 'C:\\o.wav')).rejects.toThrow(new SpeechEngineError('Windows voices has no voice "Microsoft David Desktop".'));
    expect(existsSync(join(dir, 'out.wav'))).toBe(false);
  });

  it('maps words per minute onto SAPI rates', () => {
    expect(sapiRate(180)).toBe(0);
    expect(sapiRate(300)).toBe(5);
    expect(sapiRate(80)).toBe(-7);
  });
});
