import { execFileSync } from 'node:child_process';
import Papa from 'papaparse';
import { expect, test } from './harness-fixture.js';
import { setFixedTime } from './fixed-clock.js';

// Tuesday 1 December 2026, 10:00 in New York.
const NOW = '2026-12-01T15:00:00Z';
test.use({ harnessNow: NOW });

test('a promise due when no dial block runs raises a reminder with a dial button', async ({ page, harness }) => {
  await setFixedTime(page, new Date(NOW));
  await page.goto(harness.url);
  await page.getByRole('button', { name: 'Load sample leads' }).click();
  await page.getByRole('listbox', { name: 'Leads' }).getByRole('option', { name: /Dana Whitfield/ }).click();
  const detail = page.getByRole('complementary', { name: 'Dana Whitfield' });
  await detail.getByRole('button', { name: 'Voicemail left', exact: true }).click();
  await expect(detail.getByRole('list', { name: 'Attempt history' })).toContainText('Voicemail left');
  await expect(page.getByRole('region', { name: 'Promised calls due' })).toHaveCount(0);

  // The CLI reads the same store (once the harness has let go of it): the promise is in the history.
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
  const reminders = page.getByRole('region', { name: 'Promised calls due' });
  await expect(reminders).toContainText('Dana Whitfield');
  await expect(reminders).toContainText('(in 10 minutes)');
  await expect(reminders.getByRole('button', { name: /Dial/ })).toBeVisible();
});
