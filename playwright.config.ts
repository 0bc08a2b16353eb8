import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';

// Chromium writes caches and config under $HOME; keep them in a scratch folder.
const xdg = join(tmpdir(), 'dialdesk-e2e-xdg');
for (const name of ['config', 'cache', 'data'] as const) {
  const dir = join(xdg, name);
  mkdirSync(dir, { recursive: true });
  process.env[`XDG_${name.toUpperCase()}_HOME`] = dir;
}

/**
 * End-to-end tests drive the real renderer (the harness build) in Debian's
 * Chromium against the real core. Each test starts its own harness process
 * with a fresh data folder (tests/e2e/harness-fixture.ts).
 */
export const config = defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  // Two cores: one browser and one harness at a time keeps timings honest.
  workers: 1,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    browserName: 'chromium',
    viewport: { width: 1280, height: 800 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.DIALDESK_CHROMIUM ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
      ],
    },
  },
});

// Playwright reads the default export.
export default config;
