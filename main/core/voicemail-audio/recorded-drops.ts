import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ScriptStage } from '../../../shared/domain.js';
import { readWav, WavFileError } from './read-wav.js';

export interface RecordedDrop {
  bytes: Uint8Array;
  durationS: number;
  recordedAt: string;
}

export class RecordedDropError extends Error {}

const MIN_S = 1;
const MAX_S = 90;

/** The rep's recordings, one WAV per script stage: `voicemail-audio/recorded/<stage>.wav`. */
export class RecordedDrops {
  private readonly dir: string;

  constructor(dataDir: string) {
    this.dir = join(dataDir, 'voicemail-audio', 'recorded');
  }

  private file(stage: ScriptStage): string {
    return join(this.dir, `${stage}.wav`);
  }

  async get(stage: ScriptStage): Promise<RecordedDrop | null> {
    let bytes: Buffer;
    try {
      bytes = await readFile(this.file(stage));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    const audio = readWav(bytes);
    return { bytes, durationS: audio.samples.length / audio.sampleRate, recordedAt: (await stat(this.file(stage))).mtime.toISOString() };
  }

  /** Keeps a recording after checking it is a WAV file of a sensible length; the old one stays until the new one is whole. */
  async save(stage: ScriptStage, bytes: Uint8Array): Promise<RecordedDrop> {
    let durationS: number;
    try {
      const audio = readWav(bytes);
      durationS = audio.samples.length / audio.sampleRate;
    } catch (error) {
      if (error instanceof WavFileError) throw new RecordedDropError(error.message);
      throw error;
    }
    if (durationS < MIN_S || durationS > MAX_S) {
      throw new RecordedDropError(`A recorded voicemail must last ${MIN_S}–${MAX_S} seconds; this one lasts ${durationS.toFixed(1)} s.`);
    }
    await mkdir(this.dir, { recursive: true });
    const partial = `${this.file(stage)}.partial`;
    await writeFile(partial, bytes);
    await rename(partial, this.file(stage));
    return { bytes, durationS, recordedAt: new Date().toISOString() };
  }

  async delete(stage: ScriptStage): Promise<void> {
    await rm(this.file(stage), { force: true });
  }
}
