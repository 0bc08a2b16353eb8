import { createHash } from 'node:crypto';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { SpeechEngine, SpeechOptions } from './speech-engines.js';

export interface ReadOutRequest {
  leadId: string;
  scriptId: string;
  scriptVersion: number;
  /** The lead's last change: a new name or referrer means new audio even when the text happens to match. */
  leadUpdatedAt: string;
  /** The script rendered for this lead, promise time included. */
  text: string;
}

export interface ReadOutAudio {
  file: string;
  /** True when the audio came from the cache rather than a fresh render. */
  cached: boolean;
}

/**
 * Rendered read-outs in the data folder, one folder per lead, one file per
 * script version and content: `voicemail-audio/read-out/<lead>/<script>-v<n>-<hash>.wav`.
 * A render for a lead removes that lead's older files, so a changed script,
 * lead or promise never plays stale audio and the folder does not grow.
 */
export class ReadOutCache {
  private readonly root: string;

  constructor(dataDir: string, private readonly engine: SpeechEngine) {
    this.root = join(dataDir, 'voicemail-audio', 'read-out');
  }

  async render(request: ReadOutRequest, speech: SpeechOptions): Promise<ReadOutAudio> {
    const key = createHash('sha256')
      .update(JSON.stringify([this.engine.id, speech.voice, speech.rateWpm, request.scriptId, request.scriptVersion, request.leadUpdatedAt, request.text]))
      .digest('hex')
      .slice(0, 16);
    const dir = join(this.root, safeName(request.leadId));
    const name = `${safeName(request.scriptId)}-v${request.scriptVersion}-${key}.wav`;
    const file = join(dir, name);
    if (await isFile(file)) return { file, cached: true };
    await mkdir(dir, { recursive: true });
    const partial = `${file}.${process.pid}.partial.wav`;
    try {
      await this.engine.render(request.text, speech, partial);
      await rename(partial, file);
    } finally {
      await rm(partial, { force: true });
    }
    for (const other of await readdir(dir)) {
      if (other !== name && !other.endsWith('.partial.wav')) await rm(join(dir, other), { force: true });
    }
    return { file, cached: false };
  }

  /** Drops a lead's audio (the lead was deleted or opted out). */
  async forget(leadId: string): Promise<void> {
    await rm(join(this.root, safeName(leadId)), { recursive: true, force: true });
  }
}

/** Ids become folder and file names: anything but letters, digits, - and _ is hashed away. */
function safeName(id: string): string {
  return /^[A-Za-z0-9_-]{1,64}$/.test(id) ? id : createHash('sha256').update(id).digest('hex').slice(0, 24);
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
