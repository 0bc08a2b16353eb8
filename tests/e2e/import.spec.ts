import { fileURLToPath } from 'node:url';
import { expect, test } from './harness-fixture.js';
import { recordRenders } from './record-renders.js';

const MESSY_CSV = fileURLToPath(new URL('./fixtures/messy-crm-export.csv', import.meta.url));

test('a messy CRM export imports through the UI: guesses shown, bad rows reported, good rows become leads', async ({ page, harness }) => {
  await page.goto(harness.url);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByLabel('Choose CSV file').setInputFiles(MESSY_CSV);

  // The mapping step, pre-filled with the core's guesses (the BOM did not leak into the first header).
  await expect(page.getByRole('heading', { name: 'Match the columns' })).toBeVisible();
  await expect(page.getByText('7 data rows')).toBeVisible();
  await expect(page.getByText('2 footer lines ignored')).toBeVisible();
  await expect(selected(page, 'First name')).toHaveText('First Name');
  await expect(selected(page, 'Last name')).toHaveText('Last Name');
  await expect(selected(page, 'Company')).toHaveText('Account Name');
  await expect(selected(page, 'Phone 1')).toHaveText('Mobile Phone');
  await expect(selected(page, 'Phone 2')).toHaveText('Business Phone');
  await expect(selected(page, 'Time zone')).toHaveText('Time Zone');
  await expect(selected(page, 'Reason to call')).toHaveText('— Not in this file —');

  // Preview rows, with the quoted comma and the quoted newline kept inside their cells.
  const preview = page.getByRole('table', { name: 'First rows' });
  await expect(preview.getByRole('cell', { name: 'Analytical Engines, Inc.' })).toBeVisible();
  await expect(preview.getByRole('cell', { name: /Met at the expo\.\s+Wants a demo in Q3/ })).toBeVisible();

  await page.getByRole('button', { name: 'Import 7 rows' }).click();

  // The report: counts and one line per rejected row with its row number, reason and an excerpt.
  await expect(page.getByRole('heading', { name: 'Import finished' })).toBeVisible();
  await expect(page.getByText('Imported 4 of 7 rows from messy-crm-export.csv. 3 rows were not imported.')).toBeVisible();
  const rejected = page.getByRole('table', { name: 'Rows not imported' });
  await expect(rejected.getByRole('row')).toHaveCount(4);
  await expect(rejected.getByRole('row').nth(1)).toContainText('4');
  await expect(rejected.getByRole('row').nth(1)).toContainText('"call me" is not a valid phone number');
  await expect(rejected.getByRole('row').nth(1)).toContainText('Alan, Turing, Bletchley Software');
  await expect(rejected.getByRole('row').nth(2)).toContainText('5');
  await expect(rejected.getByRole('row').nth(2)).toContainText('duplicate phone +12125550147: same as row 2');
  await expect(rejected.getByRole('row').nth(3)).toContainText('6');
  await expect(rejected.getByRole('row').nth(3)).toContainText('neither a name nor a company');
  await expect(rejected.getByRole('row').nth(3)).toContainText('nobody@example.com');

  // The good rows are leads now.
  await page.getByRole('button', { name: 'Show leads' }).click();
  const list = page.getByRole('listbox', { name: 'Leads' });
  await expect(page.getByText('4 leads')).toBeVisible();
  for (const name of ['Ada Lovelace', 'Grace Hopper', 'Linus Pauling', 'Margaret Hamilton']) {
    await expect(list.getByRole('option', { name: new RegExp(name) })).toBeVisible();
  }
  await expect(list.getByRole('option', { name: /Alan Turing/ })).toHaveCount(0);

  // Details came through the mapping: extension, quoted notes, an international number and its zone.
  await list.getByRole('option', { name: /Margaret Hamilton/ }).click();
  const margaret = page.getByRole('complementary', { name: 'Margaret Hamilton' });
  await expect(margaret).toContainText('+1 702 555 0123 ext. 42');
  await expect(margaret).toContainText('Callback, after 3pm');
  await list.getByRole('option', { name: /Linus Pauling/ }).click();
  const linus = page.getByRole('complementary', { name: 'Linus Pauling' });
  await expect(linus).toContainText('+442079460018');
  await expect(linus).toContainText(/Europe\/London \(now \d{1,2}:\d{2}/);
});

test('importing the same file again rejects its rows as already in the list', async ({ page, harness }) => {
  await page.goto(harness.url);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByLabel('Choose CSV file').setInputFiles(MESSY_CSV);
  await page.getByRole('button', { name: 'Import 7 rows' }).click();
  await expect(page.getByText('Imported 4 of 7 rows')).toBeVisible();

  await page.getByRole('button', { name: 'Import another file' }).click();
  await page.getByLabel('Choose CSV file').setInputFiles(MESSY_CSV);
  await page.getByRole('button', { name: 'Import 7 rows' }).click();
  await expect(page.getByText('Imported 0 of 7 rows')).toBeVisible();
  const rejected = page.getByRole('table', { name: 'Rows not imported' });
  await expect(rejected.getByRole('row')).toHaveCount(8);
  await expect(rejected).toContainText('already in your list as Ada Lovelace');
});

function selected(page: import('@playwright/test').Page, label: string) {
  return page.getByLabel(label, { exact: true }).locator('option:checked');
}

test('a large export shows its progress while it imports, and a broken one lists the first rejected rows with the count', async ({ page, harness }) => {
  const rows = Array.from({ length: 30_000 }, (_, i) => `Lead ${i},Acme ${i % 50},(212) ${200 + (i % 700)}-${String(Math.floor(i / 700)).padStart(4, '0')}`);
  const junk = Array.from({ length: 1_500 }, (_, i) => `Junk ${i},Nowhere,call me ${i}`);
  await page.goto(harness.url);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByLabel('Choose CSV file').setInputFiles({
    name: 'big.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`Name,Company,Phone\n${[...rows, ...junk].join('\n')}\n`),
  });
  // Every value the bar shows is recorded in the page as it happens: a fast machine may finish before a poll would look.
  const progressSeen = await recordRenders(page, 'progress[aria-label="Import progress"]', 'value');
  await page.getByRole('button', { name: 'Import 31,500 rows' }).click();
  await expect(page.getByRole('heading', { name: 'Import finished' })).toBeVisible({ timeout: 60_000 });
  const seen = (await progressSeen()).map(Number);
  // The bar was shown, and moved while the import ran.
  expect(seen.length).toBeGreaterThan(0);
  expect(Math.max(...seen)).toBeGreaterThan(0);
  await expect(page.getByText('Imported 30,000 of 31,500 rows from big.csv. 1,500 rows were not imported.')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Rows not imported' }).getByRole('row')).toHaveCount(1_001);
  await expect(page.getByText('The first 1,000 are listed; 500 more were rejected too.')).toBeVisible();
});
