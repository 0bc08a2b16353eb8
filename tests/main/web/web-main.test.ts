import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../support/temp-dir.js';

const REPO = fileURLToPath(new URL('../../..', import.meta.url));

describe('npm run serve (main/web/main.ts)', () => {
  it('refuses a test option outside the test suite with one clear line, before opening anything', () => {
    const env = { ...process.env };
    delete env.DIALDESK_TEST_OPTIONS;
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'main/web/main.ts', '--no-open', '--test-memory-secrets'], {
      cwd: REPO,
      env: { ...env, DIALDESK_DATA_DIR: '/nonexistent/dialdesk-never-created' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim()).toBe(
      'Dialdesk could not start: --test-memory-secrets is a test option: the web shell accepts it only in the test suite (DIALDESK_TEST_OPTIONS=1).',
    );
  });

  describe.skipIf(process.platform === 'win32')('its data folder', () => {
    const tempDir = useTempDirs();
    const testEnv = { ...process.env, DIALDESK_TEST_OPTIONS: '1' };

    it('a data folder path that is a file gives one clear line and exit status 2, no stack trace', () => {
      const file = join(tempDir(), 'a-file');
      writeFileSync(file, 'x');
      const run = spawnSync(process.execPath, ['--import', 'tsx', 'main/web/main.ts', '--no-open', '--port', '0', '--test-memory-secrets', '--data-dir', file], {
        cwd: REPO,
        env: testEnv,
        encoding: 'utf8',
        timeout: 30_000,
      });
      expect(run.status).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toBe(`Dialdesk could not start: The data folder ${file} is a file, not a folder: give --data-dir (or DIALDESK_DATA_DIR) a folder.\n`);
    });

    it('tightens a readable data folder on open and says so; what it writes is 0600', async () => {
      const data = join(tempDir(), 'data');
      mkdirSync(data);
      chmodSync(data, 0o755);
      const child = spawn(process.execPath, ['--import', 'tsx', 'main/web/main.ts', '--no-open', '--port', '0', '--test-memory-secrets', '--data-dir', data], {
        cwd: REPO,
        env: testEnv,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      // The notice comes once the core holds the folder (whether or not a renderer build is there to serve).
      const deadline = Date.now() + 30_000;
      while (!stderr.includes('made private') && child.exitCode === null && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
      expect(stderr).toContain(`Dialdesk: The data folder ${data} could be read by other users: 1 folder or file was made private (folders 0700, files 0600).`);
      expect(statSync(data).mode & 0o777).toBe(0o700);
      expect(statSync(join(data, 'dialdesk.lock')).mode & 0o777).toBe(0o600);
    }, 40_000);
  });
});
