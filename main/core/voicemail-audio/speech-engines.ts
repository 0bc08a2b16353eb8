/**
 * Read-out voicemails use the operating system's own voices, run as separate
 * programs and never bundled (Dialdesk is MIT; espeak-ng is GPL, so it is run
 * when installed, not shipped): macOS `say`, Windows SAPI through PowerShell,
 * Linux `espeak-ng`. Each engine renders text to a WAV file at a voice and a
 * rate in words per minute. The text goes in on standard input or in a file,
 * never on a command line, so no lead's name can become an argument or a
 * shell word.
 */
import { spawn } from 'node:child_process';
import { access, constants, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

export interface SpeechVoice {
  id: string;
  name: string;
  language: string;
}

export interface SpeechOptions {
  /** An id from voices(); empty for the engine's default voice. */
  voice: string;
  /** Words per minute: 80–300. */
  rateWpm: number;
}

export interface SpeechEngine {
  readonly id: 'say' | 'sapi' | 'espeak-ng';
  readonly label: string;
  voices(): Promise<SpeechVoice[]>;
  /** Writes the spoken text as a WAV file to `outFile`. */
  render(text: string, options: SpeechOptions, outFile: string): Promise<void>;
}

export class SpeechEngineError extends Error {}

export const MIN_RATE_WPM = 80;
export const MAX_RATE_WPM = 300;
const RENDER_TIMEOUT_MS = 60_000;

/** Finds a program on PATH (no shell). */
export async function findProgram(name: string, path = process.env.PATH ?? '', extensions = process.platform === 'win32' ? ['.exe', '.cmd', ''] : ['']): Promise<string | null> {
  for (const dir of path.split(delimiter).filter(Boolean)) {
    for (const ext of extensions) {
      const candidate = join(dir, name + ext);
      try {
        await access(candidate, constants.X_OK);
        return candidate;
      } catch {
        // not here
      }
    }
  }
  return null;
}

function run(program: string, args: string[], input?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { stdio: ['pipe', 'pipe', 'pipe'], timeout: RENDER_TIMEOUT_MS, windowsHide: true });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (out += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (err += c));
    child.on('error', (error) => reject(new SpeechEngineError(`${program}: ${error.message}`)));
    child.on('close', (code, signal) => {
      if (code === 0) resolve(out);
      else reject(new SpeechEngineError(`${program} failed (${signal ?? `exit ${code}`}): ${err.trim().split('\n').at(-1) ?? ''}`));
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(input ?? '');
  });
}

function checkRate(rateWpm: number): number {
  if (!Number.isFinite(rateWpm) || rateWpm < MIN_RATE_WPM || rateWpm > MAX_RATE_WPM) {
    throw new SpeechEngineError(`The speaking rate must be ${MIN_RATE_WPM}–${MAX_RATE_WPM} words per minute.`);
  }
  return Math.round(rateWpm);
}

/**
 * Checks a voice against the engine's own list before it goes on a command
 * line: an engine may fall back to its default voice without a word (espeak-ng),
 * or read a voice name as something else (`say -v ?` lists voices instead of
 * speaking). The list is asked once, and again after a failure.
 */
function voiceCheck(label: string, listIds: () => Promise<Set<string>>): (voice: string) => Promise<void> {
  let known: Promise<Set<string>> | null = null;
  return async (voice) => {
    known ??= listIds().catch((error: unknown) => {
      known = null;
      throw error;
    });
    if (!(await known).has(voice)) throw new SpeechEngineError(`${label} has no voice "${voice}".`);
  };
}

/** "Pty Language Age/Gender VoiceName File Other Languages", one voice a line, after a header line. */
function espeakColumns(text: string): string[][] {
  return text
    .split('\n')
    .slice(1)
    .map((line) => line.trim().split(/\s+/))
    .filter((cols) => cols.length >= 5);
}

export function espeakEngine(program: string): SpeechEngine {
  const checkVoice = voiceCheck('eSpeak NG', async () => new Set((await engine.voices()).map((v) => v.id)));
  // Variants ("en-us+klatt"): their ids are their file names under !v/ in `--voices=variant`.
  const checkVariant = voiceCheck('eSpeak NG', async () => new Set(espeakColumns(await run(program, ['--voices=variant'])).map((cols) => cols[4].replace(/^!v\//, ''))));
  const engine: SpeechEngine = {
    id: 'espeak-ng',
    label: 'eSpeak NG',
    async voices() {
      return espeakColumns(await run(program, ['--voices'])).map((cols) => ({ id: cols[1], name: cols[3].replace(/_/g, ' '), language: cols[1] }));
    },
    async render(text, options, outFile) {
      const args = ['-s', String(checkRate(options.rateWpm)), '-w', outFile, '--stdin'];
      if (options.voice) {
        const [base, variant, ...rest] = options.voice.split('+');
        if (rest.length > 0 || base === '' || variant === '') throw new SpeechEngineError(`eSpeak NG has no voice "${options.voice}".`);
        try {
          await checkVoice(base!);
          if (variant !== undefined) await checkVariant(variant);
        } catch (error) {
          if (error instanceof SpeechEngineError && error.message.startsWith('eSpeak NG has no voice')) throw new SpeechEngineError(`eSpeak NG has no voice "${options.voice}".`);
          throw error;
        }
        args.unshift('-v', options.voice);
      }
      await run(program, args, text);
    },
  };
  return engine;
}

export function sayEngine(program: string): SpeechEngine {
  const checkVoice = voiceCheck('macOS voices', async () => new Set((await engine.voices()).map((v) => v.id)));
  const engine: SpeechEngine = {
    id: 'say',
    label: 'macOS voices',
    async voices() {
      // "Alex                en_US    # Most people recognize me by my voice."
      const text = await run(program, ['-v', '?']);
      return text
        .split('\n')
        .map((line) => /^(.+?)\s+([a-z]{2,3}[_-][A-Za-z0-9]+)\s+#/.exec(line))
        .filter((m): m is RegExpExecArray => m !== null)
        .map((m) => ({ id: m[1].trim(), name: m[1].trim(), language: m[2] }));
    },
    async render(text, options, outFile) {
      const dir = await mkdtemp(join(tmpdir(), 'dialdesk-say-'));
      try {
        const input = join(dir, 'script.txt');
        await writeFile(input, text, 'utf8');
        const args = ['-r', String(checkRate(options.rateWpm)), '-o', outFile, '--file-format=WAVE', '--data-format=LEI16@22050', '-f', input];
        if (options.voice) {
          await checkVoice(options.voice);
          args.unshift('-v', options.voice);
        }
        await run(program, args);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  };
  return engine;
}

/** SAPI's rate is -10…10, a factor of 3 slower or faster than its ~180 wpm default. */
export function sapiRate(rateWpm: number): number {
  return Math.max(-10, Math.min(10, Math.round((10 * Math.log(checkRate(rateWpm) / 180)) / Math.log(3))));
}

const SAPI_VOICES = [
  'Add-Type -AssemblyName System.Speech',
  '$s = New-Object System.Speech.Synthesis.SpeechSynthesizer',
  'foreach ($v in $s.GetInstalledVoices()) { if ($v.Enabled) { $v.VoiceInfo.Name + "`t" + $v.VoiceInfo.Culture.Name } }',
].join('; ');

/** Reads the voice, rate, output path and text from standard input, one per line and the rest, so nothing is quoted into the script. */
const SAPI_RENDER = [
  'Add-Type -AssemblyName System.Speech',
  '$voice = [Console]::In.ReadLine(); $rate = [int][Console]::In.ReadLine(); $out = [Console]::In.ReadLine(); $text = [Console]::In.ReadToEnd()',
  '$s = New-Object System.Speech.Synthesis.SpeechSynthesizer',
  'if ($voice) { $s.SelectVoice($voice) }',
  '$s.Rate = $rate',
  '$s.SetOutputToWaveFile($out)',
  '$s.Speak($text)',
  '$s.Dispose()',
].join('; ');

export function sapiEngine(program: string): SpeechEngine {
  const args = (script: string) => ['-NoProfile', '-NonInteractive', '-Command', script];
  const checkVoice = voiceCheck('Windows voices', async () => new Set((await engine.voices()).map((v) => v.id)));
  const engine: SpeechEngine = {
    id: 'sapi',
    label: 'Windows voices',
    async voices() {
      const text = await run(program, args(SAPI_VOICES));
      return text
        .split(/\r?\n/)
        .map((line) => line.split('\t'))
        .filter((cols) => cols.length === 2 && cols[0])
        .map(([name, language]) => ({ id: name, name, language }));
    },
    async render(text, options, outFile) {
      if (/[\r\n]/.test(options.voice) || /[\r\n]/.test(outFile)) throw new SpeechEngineError('Invalid voice or file name.');
      if (options.voice) await checkVoice(options.voice);
      await run(program, args(SAPI_RENDER), `${options.voice}\n${sapiRate(options.rateWpm)}\n${outFile}\n${text}`);
    },
  };
  return engine;
}

/** The engine this computer offers, or null: the UI then offers the recorded drop and the teleprompter. */
export async function findSpeechEngine(platform: NodeJS.Platform = process.platform, find = findProgram): Promise<SpeechEngine | null> {
  if (platform === 'darwin') {
    const say = await find('say');
    return say ? sayEngine(say) : null;
  }
  if (platform === 'win32') {
    const shell = (await find('powershell')) ?? (await find('pwsh'));
    return shell ? sapiEngine(shell) : null;
  }
  const espeak = await find('espeak-ng');
  return espeak ? espeakEngine(espeak) : null;
}
