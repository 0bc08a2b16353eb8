import { spawnSync } from 'node:child_process';
import { chmodSync, lstatSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../support/temp-dir.js';

const REPO = fileURLToPath(new URL('../../..', import.meta.url));
const CSV = 'First Name,Last Name,Company,Phone\nDana,Whitfield,Harbor,(212) 555-0101\n';

/** The CLI as `npm run cli` runs it: its own process, with the umask and exit codes of its entry point. */
function runCliProcess(args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'main/cli/cli.ts', ...args], { cwd: REPO, encoding: 'utf8', timeout: 60_000, env: { ...process.env, DIALDESK_DATA_DIR: '' } });
}

/** Every folder and file under `dir` (links not followed) with its permission bits. */
function modesUnder(dir: string): Record<string, number> {
  const modes: Record<string, number> = { '.': statSync(dir).mode & 0o777 };
  const walk = (path: string, rel: string) => {
    for (const name of readdirSync(path)) {
      const child = join(path, name);
      const stats = lstatSync(child);
      modes[join(rel, name)] = stats.mode & 0o777;
      if (stats.isDirectory()) walk(child, join(rel, name));
    }
  };
  walk(dir, '');
  return modes;
}

describe.skipIf(process.platform === 'win32')('the CLI process and its data folder', () => {
  const tempDir = useTempDirs();

  it('creates the data folder 0700 and every file in it 0600', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'leads.csv'), CSV);
    const run = runCliProcess(['import', join(dir, 'leads.csv'), '--data-dir', join(dir, 'data')]);
    expect(run.status, run.stderr).toBe(0);
    const modes = modesUnder(join(dir, 'data'));
    expect(Object.keys(modes)).toContain('leads.json');
    const open = Object.entries(modes).filter(([, mode]) => (mode & 0o077) !== 0);
    expect(open).toEqual([]);
  }, 60_000);

  it('tightens a folder an older Dialdesk left readable, with a notice', () => {
    const dir = tempDir();
    const data = join(dir, 'data');
    mkdirSync(data);
    writeFileSync(join(data, 'do-not-call.json'), '');
    chmodSync(data, 0o755);
    chmodSync(join(data, 'do-not-call.json'), 0o644);
    const run = runCliProcess(['dnc', 'list', '--data-dir', data]);
    expect(run.stderr).toContain(`The data folder ${data} could be read by other users: 2 folders and files were made private (folders 0700, files 0600).`);
    expect(modesUnder(data)).toMatchObject({ '.': 0o700, 'do-not-call.json': 0o600 });
  }, 60_000);

  it('a data folder path that is a file gives one clear line and exit status 2, no stack trace', () => {
    const file = join(tempDir(), 'not-a-folder');
    writeFileSync(file, 'x');
    const run = runCliProcess(['stats', '--data-dir', file]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`The data folder ${file} is a file, not a folder: give --data-dir (or DIALDESK_DATA_DIR) a folder.\n`);
    const through = runCliProcess(['stats', '--data-dir', join(file, 'sub')]);
    expect(through.status).toBe(2);
    expect(through.stderr.trim().split('\n')).toHaveLength(1);
  }, 60_000);
});
