import { expect, test, skipOnboarding } from './harness-fixture.js';

// Tuesday 1 December 2026, 11:00 in Chicago.
test.use({ harnessNow: '2026-12-01T17:00:00Z' });

test('a do-not-call list import marks the lead and the dial check says why', async ({ page, harness }) => {
  await page.goto(harness.url);
  await skipOnboarding(page);
  await page.getByRole('button', { name: 'Load sample leads' }).click();
  await expect(page.getByText('15 leads')).toBeVisible();

  const list = page.getByRole('listbox', { name: 'Leads' });
  await list.getByRole('option', { name: /Priya Raman/ }).click();
  const before = page.getByRole('complementary', { name: 'Priya Raman' }).getByRole('region', { name: 'Schedule' });
  await expect(before).toContainText('Being worked');
  await expect(before).not.toContainText('do-not-call list');

  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const dnc = page.getByRole('region', { name: 'Do-not-call list' });
  await dnc.getByLabel('Choose do-not-call CSV').setInputFiles({
    name: 'opt-outs.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('Phone\n(312) 555-0103\n12345\n'),
  });
  await expect(dnc.getByRole('status')).toHaveText('1 number added to the do-not-call list from opt-outs.csv. 1 row was not used.');
  const rejected = dnc.getByRole('table', { name: 'Do-not-call rows not used' });
  await expect(rejected.getByRole('row')).toHaveCount(2);
  await expect(rejected).toContainText('12345');

  await page.getByRole('button', { name: /^Leads/ }).click();
  await page.getByRole('listbox', { name: 'Leads' }).getByRole('option', { name: /Priya Raman/ }).click();
  const schedule = page.getByRole('complementary', { name: 'Priya Raman' }).getByRole('region', { name: 'Schedule' });
  await expect(schedule.locator('.status-badge')).toHaveText('Do not call');
  await expect(schedule.locator('.dial-refused')).toHaveText('Do not call: +13125550103 is on the imported do-not-call list');
  await expect(schedule.locator('.next-attempt')).toHaveText('None planned');

  // Importing the same list again adds nothing new.
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByLabel('Choose do-not-call CSV').setInputFiles({ name: 'again.csv', mimeType: 'text/csv', buffer: Buffer.from('Phone\n+13125550103\n') });
  await expect(page.getByRole('region', { name: 'Do-not-call list' }).getByRole('status')).toHaveText(
    '0 numbers added to the do-not-call list from again.csv (1 already on it).',
  );
});
