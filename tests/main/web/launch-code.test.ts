import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const REPO = fileURLToPath(new URL('../../..', import.meta.url));
const SERVE = fileURLToPath(new URL('./fixtures/serve-small-build.ts', import.meta.url));
const FAKE_BROWSER = fileURLToPath(new URL('./fixtures/fake-browser.mjs', import.meta.url));
const READY = /^Dialdesk is running at (http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]+)$/m;

function status(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    request(url, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    })
      .on('error', reject)
      .end();
  });
}

async function waitFor<T>(what: string, probe: () => T | null, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * `npm run serve` without --no-open, as a rep starts it: xdg-open (the `open` package's copy) starts
 * "the browser" named by $BROWSER with the address on its command line, where `ps` shows it to every user.
 */
describe.skipIf(process.platform !== 'linux')('the launch code on the browser’s command line', () => {
  it('is spent by the browser it was given to: what ps shows opens nothing, and the printed address still opens the app once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dialdesk-launch-'));
    mkdirSync(join(dir, 'build'));
    writeFileSync(join(dir, 'build', 'index.html'), '<!doctype html><html><head><title>Dialdesk</title></head><body></body></html>');
    writeFileSync(join(dir, 'build', 'dial-link.html'), '<!doctype html><html><head><title>Dialdesk link</title></head><body></body></html>');
    const report = join(dir, 'browser.json');
    // Only what xdg-open needs to pick $BROWSER: no desktop session, no display.
    const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: dir, BROWSER: FAKE_BROWSER, FAKE_BROWSER_REPORT: report, DIALDESK_TEST_OPTIONS: '1' };
    const shell = spawn(process.execPath, ['--import', 'tsx', SERVE, join(dir, 'build'), '--port', '0', '--data-dir', join(dir, 'data'), '--test-memory-secrets'], {
      cwd: REPO,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    shell.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    shell.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    let browserPid: number | null = null;
    try {
      const printed = await waitFor('the running line', () => READY.exec(output)?.[1] ?? null);
      const browser = await waitFor(`the browser (output so far: ${output})`, () =>
        existsSync(report) ? (JSON.parse(readFileSync(report, 'utf8')) as { pid: number; status?: number; setCookie?: string[] }) : null,
      );
      browserPid = browser.pid;
      expect(browser.status).toBe(200);
      expect(browser.setCookie?.[0]).toMatch(/HttpOnly; SameSite=Strict/);

      // What `ps` prints, read where ps reads it (procps is not on every machine).
      const seen = readFileSync(`/proc/${browser.pid}/cmdline`, 'utf8').split('\0').join(' ');
      const onCommandLine = /\?token=([A-Za-z0-9_-]+)/.exec(seen)?.[1];
      expect(onCommandLine, seen).toBeDefined();
      const printedCode = new URL(printed).searchParams.get('token');
      expect(onCommandLine).not.toBe(printedCode);
      // What another user reads off the browser's command line is spent.
      expect(await status(`${new URL(printed).origin}/?token=${onCommandLine}`)).toBe(403);
      // The printed line opens the app once, then no more.
      expect(await status(printed)).toBe(200);
      expect(await status(printed)).toBe(403);
      expect(output).not.toContain(onCommandLine);
    } finally {
      if (browserPid !== null) process.kill(browserPid, 'SIGTERM');
      const exited = new Promise<void>((resolve) => shell.once('exit', () => resolve()));
      if (shell.exitCode === null) shell.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
