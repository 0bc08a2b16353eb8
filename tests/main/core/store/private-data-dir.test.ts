import { chmodSync, mkdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataDirError, openPrivateDataDir } from '../../../../main/core/store/private-data-dir.js';
import { lockDataDir } from '../../../../main/core/store/data-dir-lock.js';
import { useTempDirs } from '../../../support/temp-dir.js';

const modeOf = (path: string) => statSync(path).mode & 0o777;

describe.skipIf(process.platform === 'win32')('the data folder is private', () => {
  const tempDir = useTempDirs();

  it('creates a new folder (and its missing parents) 0700, with no notice', () => {
    const dir = join(tempDir(), 'a', 'Dialdesk');
    expect(openPrivateDataDir(dir)).toBeNull();
    expect(modeOf(dir)).toBe(0o700);
    expect(modeOf(join(dir, '..'))).toBe(0o700);
  });

  it('takes group and other permissions off an existing folder and everything in it, says so once, and never follows a link out', () => {
    const root = tempDir();
    const dir = join(root, 'data');
    mkdirSync(join(dir, 'attempts'), { recursive: true });
    writeFileSync(join(dir, 'leads.json'), '{}');
    writeFileSync(join(dir, 'attempts', '2026-12.jsonl'), '');
    writeFileSync(join(dir, 'sip-account.json'), '{}');
    chmodSync(dir, 0o755);
    chmodSync(join(dir, 'attempts'), 0o775);
    chmodSync(join(dir, 'leads.json'), 0o644);
    chmodSync(join(dir, 'attempts', '2026-12.jsonl'), 0o664);
    chmodSync(join(dir, 'sip-account.json'), 0o600);
    const outside = join(root, 'shared.txt');
    writeFileSync(outside, 'not Dialdesk’s');
    chmodSync(outside, 0o644);
    symlinkSync(outside, join(dir, 'link'));

    const notice = openPrivateDataDir(dir);
    expect(notice).toBe(`The data folder ${dir} could be read by other users: 4 folders and files were made private (folders 0700, files 0600).`);
    expect([dir, join(dir, 'attempts')].map(modeOf)).toEqual([0o700, 0o700]);
    expect([join(dir, 'leads.json'), join(dir, 'attempts', '2026-12.jsonl'), join(dir, 'sip-account.json')].map(modeOf)).toEqual([0o600, 0o600, 0o600]);
    expect(modeOf(outside)).toBe(0o644);
    expect(openPrivateDataDir(dir)).toBeNull();
  });

  it('the lock carries the notice, so every front door can show it', () => {
    const dir = tempDir();
    chmodSync(dir, 0o755);
    const lock = lockDataDir(dir);
    try {
      expect(lock.notice).toMatch(/could be read by other users: 1 folder or file was made private/);
      expect(modeOf(dir)).toBe(0o700);
    } finally {
      lock.release();
    }
  });

  it('a path that is a file, or runs through one, is one clear DataDirError', () => {
    const file = join(tempDir(), 'leads.csv');
    writeFileSync(file, 'x');
    expect(() => openPrivateDataDir(file)).toThrow(new DataDirError(`The data folder ${file} is a file, not a folder: give --data-dir (or DIALDESK_DATA_DIR) a folder.`));
    expect(() => lockDataDir(file)).toThrow(DataDirError);
    expect(() => openPrivateDataDir(join(file, 'sub'))).toThrow(new DataDirError(`The data folder ${join(file, 'sub')} cannot be used: a part of its path is a file, not a folder.`));
  });
});
