import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test, type HarnessProcess, skipOnboarding } from './harness-fixture.js';

// Tuesday 1 December 2026, 12:00 in New York.
test.use({ harnessNow: '2026-12-01T17:00:00Z' });

test('the do-not-call screen lists the numbers with their source, searches them, and removes one only when it is typed again', async ({ page, harness }) => {
  await page.goto(harness.url);
  await skipOnboarding(page);
  await page.getByRole('button', { name: 'Load sample leads' }).click();
  await expect(page.getByText('15 leads')).toBeVisible();

  await page.getByRole('button', { name: /^Do not call/ }).click();
  const screen = page.getByRole('region', { name: 'Do not call' });
  await expect(screen.getByText('The list is empty.')).toBeVisible();
  await screen.getByLabel('Choose do-not-call CSV').setInputFiles({
    name: 'registry-2026-11.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('Phone\n(312) 555-0103\n+1 702 555 0111\n'),
  });
  await expect(screen.locator('.dnc-count')).toHaveText('2 numbers on the list');
  const table = screen.getByRole('table', { name: 'Do-not-call numbers' });
  await expect(table.getByRole('row')).toHaveCount(3);
  await expect(table.getByRole('row', { name: /\+13125550103/ })).toContainText('registry-2026-11.csv');

  await screen.getByLabel('Search the do-not-call list').fill('702');
  await expect(screen.getByText('1 match')).toBeVisible();
  await expect(table.getByRole('row')).toHaveCount(2);

  await table.getByRole('button', { name: 'Remove +17025550111…' }).click();
  const confirm = table.getByLabel('Type +17025550111 to confirm');
  const remove = table.getByRole('button', { name: 'Remove from the list' });
  await confirm.fill('702 555 0112');
  await expect(remove).toBeDisabled();
  await confirm.fill('(702) 555-0111');
  await remove.click();
  await expect(screen.locator('.dnc-count')).toHaveText('1 number on the list');
  await expect(screen.getByText('No number on the list matches.')).toBeVisible();
});

/** The sample leads, then `do-not-call.json` replaced by `damaged` and the app started again: the fail-closed screen. */
async function restartWithDamagedList(page: Page, harness: HarnessProcess, damaged: string) {
  await page.goto(harness.url);
  await skipOnboarding(page);
  await page.getByRole('button', { name: 'Load sample leads' }).click();
  await expect(page.getByText('15 leads')).toBeVisible();
  writeFileSync(join(harness.dataDir, 'do-not-call.json'), damaged);
  await harness.restart();
  await page.goto(harness.url);
  return page.getByRole('main', { name: 'The do-not-call list could not be read' });
}

test('a damaged do-not-call list stops dialling until the rep, told how many numbers it held, acknowledges', async ({ page, harness }) => {
  // Cut off mid-write, two numbers still readable in it.
  const screen = await restartWithDamagedList(
    page,
    harness,
    '{"schemaVersion":2,"entries":[{"number":"+13125550103","source":"a.csv","addedAt":""},{"number":"+17025550111"',
  );
  await expect(screen.locator('.dnc-damaged-count')).toHaveText('It held 2 numbers. Until the list is back, Dialdesk dials no one.');
  await expect(screen).toContainText('do-not-call.json.damaged-');
  const resume = screen.getByRole('button', { name: 'Resume dialling without them' });
  await expect(resume).toBeDisabled();
  await screen.getByLabel('I understand that the 2 numbers on the damaged list are no longer blocked.').check();
  await resume.click();

  await expect(page.getByRole('listbox', { name: 'Leads' })).toBeVisible();
  await page.getByRole('listbox', { name: 'Leads' }).getByRole('option', { name: /Dana Whitfield/ }).click();
  const schedule = page.getByRole('complementary', { name: 'Dana Whitfield' }).getByRole('region', { name: 'Schedule' });
  await expect(schedule).toContainText('Being worked');
  await expect(schedule).not.toContainText('could not be read');
});

test('a damaged list imported again lets dialling resume with the new list', async ({ page, harness }) => {
  const screen = await restartWithDamagedList(page, harness, 'garbage +13125550103');
  await expect(screen.locator('.dnc-damaged-count')).toContainText('It held 1 number.');
  await screen.getByLabel('Choose do-not-call CSV').setInputFiles({ name: 'restored.csv', mimeType: 'text/csv', buffer: Buffer.from('Phone\n(312) 555-0103\n') });
  await expect(page.getByRole('listbox', { name: 'Leads' })).toBeVisible();
  await page.getByRole('button', { name: /^Do not call/ }).click();
  await expect(page.getByRole('region', { name: 'Do not call' }).getByRole('row', { name: /\+13125550103/ })).toContainText('restored.csv');
});
