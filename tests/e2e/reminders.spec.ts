import { execFileSync } from 'node:child_process';
import Papa from 'papaparse';
import type { Page } from '@playwright/test';
import { setFixedTime } from './fixed-clock.js';
import { expect, test, type HarnessProcess, skipOnboarding } from './harness-fixture.js';

// Tuesday 1 December 2026, 10:00 in New York.
const NOW = '2026-12-01T15:00:00Z';
test.use({ harnessNow: NOW });

/**
 * Leaves Dana a voicemail through the UI, then reads the promise it made from the CLI's export
 * (once the harness has let go of the store) and restarts the app ten minutes before it.
 */
async function openTenMinutesBeforePromise(page: Page, harness: HarnessProcess): Promise<void> {
  await setFixedTime(page, new Date(NOW));
  await page.goto(harness.url);
  await skipOnboarding(page);
  await page.getByRole('button', { name: 'Load sample leads' }).click();
  await page.getByRole('listbox', { name: 'Leads' }).getByRole('option', { name: /Dana Whitfield/ }).click();
  const detail = page.getByRole('complementary', { name: 'Dana Whitfield' });
  await detail.getByRole('button', { name: 'Voicemail left', exact: true }).click();
  await expect(detail.getByRole('list', { name: 'Attempt history' })).toContainText('Voicemail left');
  await expect(page.getByRole('region', { name: 'Promised calls due' })).toHaveCount(0);

  await harness.stop();
  const csv = execFileSync(process.execPath, ['--import', 'tsx', 'main/cli/cli.ts', 'export', 'attempts', '--data-dir', harness.dataDir], { encoding: 'utf8' });
  const [attempt] = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data;
  expect(attempt.outcome).toBe('voicemail');
  const promised = Date.parse(attempt.promised_for);
  expect(promised).toBeGreaterThan(Date.parse(NOW));

  const tenBefore = new Date(promised - 10 * 60_000);
  harness.options.now = tenBefore.toISOString();
  await setFixedTime(page, tenBefore);
  await page.goto(await harness.start());
}

test('a promise due when no dial block runs raises a reminder with a dial button', async ({ page, harness }) => {
  await openTenMinutesBeforePromise(page, harness);
  const reminders = page.getByRole('region', { name: 'Promised calls due' });
  await expect(reminders).toContainText('Dana Whitfield');
  await expect(reminders).toContainText('(in 10 minutes)');
  await expect(reminders.getByRole('button', { name: /Dial/ })).toBeVisible();
});

test('the reminder is held while the rep runs a dial block, and back when the block ends', async ({ page, harness }) => {
  await openTenMinutesBeforePromise(page, harness);
  const reminders = page.getByRole('region', { name: 'Promised calls due' });
  await expect(reminders).toContainText('Dana Whitfield');

  await page.getByRole('button', { name: 'Dial block' }).click();
  await page.getByRole('form', { name: 'Start a dial block' }).getByRole('button', { name: 'Start block' }).click();
  await expect(page.getByRole('region', { name: 'Dial block' })).toBeVisible();
  await expect(reminders).toHaveCount(0);

  await page.keyboard.press('e');
  await expect(page.getByRole('region', { name: 'Block summary' })).toBeVisible();
  await expect(reminders).toContainText('Dana Whitfield');
});
