import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

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
});
