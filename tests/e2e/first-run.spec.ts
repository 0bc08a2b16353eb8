import { expect, test } from './harness-fixture.js';

test('first run offers an import or the sample list, and the sample leads appear in the list', async ({ page, harness }) => {
  await page.goto(harness.url);

  await expect(page.getByRole('heading', { name: 'Welcome to Dialdesk' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Import a CSV' })).toBeVisible();
  await page.getByRole('button', { name: 'Load sample leads' }).click();

  const list = page.getByRole('listbox', { name: 'Leads' });
  await expect(list).toBeVisible();
  await expect(page.getByText('15 leads')).toBeVisible();
  await expect(list.getByRole('option', { name: /Ben Adler/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Welcome to Dialdesk' })).toHaveCount(0);
});

test('first run "Import a CSV" opens the import screen', async ({ page, harness }) => {
  await page.goto(harness.url);
  await page.getByRole('button', { name: 'Import a CSV' }).click();
  await expect(page.getByRole('heading', { name: 'Import leads' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Import', exact: true })).toHaveAttribute('aria-current', 'page');
});
