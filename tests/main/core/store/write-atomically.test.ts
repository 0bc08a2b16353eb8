import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeAtomically } from '../../../../main/core/store/write-atomically.js';
import { useTempDirs } from '../../../support/temp-dir.js';

describe('writeAtomically', () => {
  const tempDir = useTempDirs();

  it('leaves the event loop to others: nothing on disk changes during the call, all of it by the time it resolves', async () => {
    const path = join(tempDir(), 'state.json');
    writeFileSync(path, 'old\n');
    const writing = writeAtomically(path, ['new\n']);
    // A synchronous writer would have renamed the new file into place before returning.
    expect(readFileSync(path, 'utf8')).toBe('old\n');
    await writing;
    expect(readFileSync(path, 'utf8')).toBe('new\n');
    expect(readdirSync(join(path, '..'))).toEqual(['state.json']);
  });

  it('writes what the caller had when it asked, and writes to one path land in the order asked', async () => {
    const path = join(tempDir(), 'state.json');
    const chunks = ['first\n'];
    const writes = [writeAtomically(path, chunks)];
    chunks[0] = 'changed after asking\n';
    for (let n = 2; n <= 20; n++) writes.push(writeAtomically(path, [`write ${n}\n`]));
    const seen: string[] = [];
    await writes[0];
    seen.push(readFileSync(path, 'utf8'));
    await Promise.all(writes);
    seen.push(readFileSync(path, 'utf8'));
    expect(seen).toEqual(['first\n', 'write 20\n']);
  });

  it('writes a file of many chunks whole, with the mode asked for', async () => {
    const path = join(tempDir(), 'big.jsonl');
    function* lines(): Generator<string> {
      for (let i = 0; i < 25_000; i++) yield `{"n":${i}}\n`;
    }
    await writeAtomically(path, lines(), { mode: 0o600 });
    const text = readFileSync(path, 'utf8').trimEnd().split('\n');
    expect(text).toHaveLength(25_000);
    expect(text.at(-1)).toBe('{"n":24999}');
    if (process.platform !== 'win32') expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('fails without a trace when the data fails, and the next write to the path still lands', async () => {
    const path = join(tempDir(), 'state.json');
    function* broken(): Generator<string> {
      yield 'half';
      throw new Error('the data broke');
    }
    await expect(writeAtomically(path, broken())).rejects.toThrow('the data broke');
    await writeAtomically(path, ['whole\n']);
    expect(readFileSync(path, 'utf8')).toBe('whole\n');
    expect(readdirSync(join(path, '..'))).toEqual(['state.json']);
  });

  it('fails when the folder is gone, leaving nothing behind', async () => {
    const path = join(tempDir(), 'missing', 'state.json');
    await expect(writeAtomically(path, ['x'])).rejects.toThrow(/ENOENT/);
    expect(existsSync(join(path, '..'))).toBe(false);
  });
});
