import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, expect, type Page } from '@playwright/test';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const WEB_SHELL = join(REPO, 'main/web/main.ts');
const READY = /^Dialdesk is running at (http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]+)$/m;
const START_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 10_000;

/**
 * One web shell process (main/web: the product's own server, the real core and
 * the renderer build) for one test, with the test options only the suite may
 * use: memory secrets (never the developer's keyring) and, when asked, a clock.
 */
export class HarnessProcess {
  private child: ChildProcess | null = null;
  private output = '';
  url = '';

  /** `now`: an ISO instant the core's clock starts at (the shell's --test-clock), for time-of-day tests. */
  constructor(
    readonly dataDir: string,
    readonly options: { now?: string; timeZone?: string; practiceSeed?: number } = {},
  ) {}

  /** Starts on a free port and resolves once the ready line names it. */
  async start(): Promise<string> {
    if (this.child) throw new Error('harness already running');
    this.output = '';
    const args = ['--import', 'tsx', WEB_SHELL, '--data-dir', this.dataDir, '--port', '0', '--no-open', '--test-memory-secrets'];
    if (this.options.now) args.push('--test-clock', this.options.now);
    if (this.options.practiceSeed !== undefined) args.push('--test-practice-seed', String(this.options.practiceSeed));
    const child = spawn(process.execPath, args, {
      cwd: REPO,
      // `timeZone`: the system's zone as the web shell's process sees it (TZ), for a new rep's defaults.
      env: { ...process.env, DIALDESK_TEST_OPTIONS: '1', ...(this.options.timeZone ? { TZ: this.options.timeZone } : {}) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    this.url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`harness did not start in ${START_TIMEOUT_MS} ms:\n${this.output}`)), START_TIMEOUT_MS);
      const onData = (chunk: Buffer) => {
        this.output += chunk.toString();
        const match = READY.exec(this.output);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`harness exited (${code}) before it was ready:\n${this.output}`));
      });
    });
    return this.url;
  }

  /** SIGTERM to this process by pid, then wait for it to close the core and exit. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.pid === undefined) return;
    this.child = null;
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    process.kill(child.pid, 'SIGTERM');
    const timer = setTimeout(() => {
      if (child.pid !== undefined && child.exitCode === null) process.kill(child.pid, 'SIGKILL');
    }, STOP_TIMEOUT_MS);
    await exited;
    clearTimeout(timer);
  }

  async restart(): Promise<string> {
    await this.stop();
    return this.start();
  }

  /** `http://127.0.0.1:PORT`, without the token. */
  get origin(): string {
    return new URL(this.url).origin;
  }

  get token(): string {
    return new URL(this.url).searchParams.get('token') ?? '';
  }

  /** Everything the process printed so far (attached to failing tests). */
  get log(): string {
    return this.output;
  }
}

export const test = base.extend<{ harness: HarnessProcess; harnessNow: string | undefined; harnessTimeZone: string | undefined; harnessPracticeSeed: number | undefined }>({
  // `test.use({ harnessNow: ISO })` starts the core's clock at that instant.
  harnessNow: [undefined, { option: true }],
  // `test.use({ harnessTimeZone: 'America/Denver' })` runs the web shell on a system set to that zone.
  harnessTimeZone: [undefined, { option: true }],
  // `test.use({ harnessPracticeSeed: N })`: the practice line meets drawFarEnd(N, 0), drawFarEnd(N, 1), …
  harnessPracticeSeed: [undefined, { option: true }],
  // Any uncaught error or console error in the page (a CSP violation, a failed
  // request, a React warning) fails the test that caused it. The page depends on
  // the harness so it is closed, and checked, before its harness stops: a refresh
  // timer firing against a stopped harness is teardown, not the test's fault.
  page: async ({ page, harness: _harness }, use) => {
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    });
    await use(page);
    await page.close();
    expect(problems, 'errors in the page').toEqual([]);
  },
  harness: async ({ harnessNow, harnessTimeZone, harnessPracticeSeed }, use, testInfo) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'dialdesk-e2e-'));
    const harness = new HarnessProcess(dataDir, { now: harnessNow, timeZone: harnessTimeZone, practiceSeed: harnessPracticeSeed });
    await harness.start();
    try {
      await use(harness);
    } finally {
      await harness.stop();
      if (testInfo.status !== testInfo.expectedStatus) {
        await testInfo.attach('harness.log', { body: harness.log, contentType: 'text/plain' });
      }
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
});

export { expect };

/**
 * A fresh data folder opens on the first-run questions; tests about what comes after skip them
 * with their Skip button and land on the three doors (onboarding.spec.ts tests the questions).
 */
export async function skipOnboarding(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Skip', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Welcome to Dialdesk' })).toBeVisible();
}
