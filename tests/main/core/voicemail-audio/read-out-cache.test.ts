import { readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReadOutCache, type ReadOutRequest } from '../../../../main/core/voicemail-audio/read-out-cache.js';
import { findSpeechEngine } from '../../../../main/core/voicemail-audio/speech-engines.js';
import { useTempDirs } from '../../../support/temp-dir.js';

const request: ReadOutRequest = {
  leadId: 'lead-1',
  scriptId: 'first-default',
  scriptVersion: 2,
  leadUpdatedAt: '2026-11-30T10:00:00.000Z',
  text: "Hi Dana, it's Sam from Northwind. I'll call you again tomorrow at 8:15. My number is 512 555 0182.",
};
const speech = { voice: 'en-us', rateWpm: 175 };

describe('read-out cache (espeak-ng)', () => {
  const tempDir = useTempDirs();

  it('renders once per lead, script version and text; a change renders anew and removes the old file', async () => {
    const cache = new ReadOutCache(tempDir(), (await findSpeechEngine('linux'))!);
    const first = await cache.render(request, speech);
    expect(first.cached).toBe(false);
    expect(await cache.render(request, speech)).toEqual({ file: first.file, cached: true });

    const newVersion = await cache.render({ ...request, scriptVersion: 3 }, speech);
    expect(newVersion.cached).toBe(false);
    expect(readdirSync(dirname(first.file))).toEqual([newVersion.file.split('/').at(-1)]);

    const leadChanged = await cache.render({ ...request, scriptVersion: 3, leadUpdatedAt: '2026-12-01T09:00:00.000Z' }, speech);
    expect(leadChanged.cached).toBe(false);
    const newPromise = await cache.render({ ...request, scriptVersion: 3, leadUpdatedAt: '2026-12-01T09:00:00.000Z', text: request.text.replace('8:15', '9:30') }, speech);
    expect(newPromise.cached).toBe(false);
    const fasterVoice = await cache.render({ ...request, scriptVersion: 3, leadUpdatedAt: '2026-12-01T09:00:00.000Z', text: request.text.replace('8:15', '9:30') }, { ...speech, rateWpm: 200 });
    expect(fasterVoice.cached).toBe(false);
    expect(readdirSync(dirname(first.file))).toHaveLength(1);

    await cache.forget('lead-1');
    expect(() => readdirSync(dirname(first.file))).toThrow();
  });

  it('keeps leads apart and never uses an id as a path', async () => {
    const dir = tempDir();
    const cache = new ReadOutCache(dir, (await findSpeechEngine('linux'))!);
    const a = await cache.render(request, speech);
    const b = await cache.render({ ...request, leadId: '../../escape' }, speech);
    expect(dirname(a.file)).not.toBe(dirname(b.file));
    expect(b.file.startsWith(dir)).toBe(true);
    expect(b.file).not.toContain('escape');
  });
});
