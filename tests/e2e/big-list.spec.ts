import { writeFileSync } from 'node:fs';
import { expect, test, skipOnboarding } from './harness-fixture.js';

const LEADS = 100_000;
const AREA_CODES = ['212', '312', '415', '617', '702', '303', '404', '206', '512', '305'];

/** 100,000 distinct, valid US numbers: ten area codes × 10,000 lines of the 555 exchange. */
function bigCsv(): string {
  const lines = ['First Name,Last Name,Company,Phone'];
  for (let i = 0; i < LEADS; i++) {
    const line = String(Math.floor(i / AREA_CODES.length)).padStart(4, '0');
    lines.push(`First${i},Last${String(i).padStart(6, '0')},Company ${i % 997},(${AREA_CODES[i % AREA_CODES.length]}) 555-${line}`);
  }
  return lines.join('\r\n');
}

test('100,000 leads: the list fetches only what is on screen and reaches the last lead at once', async ({ page, harness }, testInfo) => {
  const file = testInfo.outputPath('big-export.csv');
  writeFileSync(file, bigCsv());

  const listCalls: string[] = [];
  page.on('websocket', (socket) =>
    socket.on('framesent', ({ payload }) => {
      if (String(payload).includes('"call":"listLeads"')) listCalls.push(String(payload));
    }),
  );

  await page.goto(harness.url);
  await skipOnboarding(page);
  await page.getByRole('button', { name: 'Import a CSV' }).click();
  await page.getByLabel('Choose CSV file').setInputFiles(file);
  await page.getByRole('button', { name: 'Import 100,000 rows' }).click();
  await expect(page.getByText('Imported 100,000 of 100,000 rows')).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Show leads' }).click();

  const list = page.getByRole('listbox', { name: 'Leads' });
  await expect(page.getByText('100,000 leads')).toBeVisible();
  await expect(list.getByRole('option').first()).toHaveAttribute('aria-setsize', String(LEADS));
  await expect(list.getByRole('option').first()).not.toContainText('Loading');
  const callsAfterFirstScreen = listCalls.length;

  // Only a screenful of rows exists in the page.
  expect(await list.getByRole('option').count()).toBeLessThan(60);

  // End jumps to the very last lead; its page is fetched, nothing in between.
  await list.focus();
  await page.keyboard.press('End');
  const last = list.locator(`[role="option"][aria-posinset="${LEADS}"]`);
  await expect(last).toHaveAttribute('aria-selected', 'true');
  await expect(last).not.toContainText('Loading');
  const lastName = ((await last.locator('.lead-name').textContent()) ?? '').trim();
  await expect(page.getByRole('complementary', { name: lastName })).toBeVisible();
  expect(await list.getByRole('option').count()).toBeLessThan(60);

  await page.keyboard.press('PageUp');
  await page.keyboard.press('PageUp');
  await expect(list.locator('[role="option"][aria-selected="true"]')).not.toContainText('Loading');

  // Each answer is one page of at most 100 rows, and only a handful of pages were asked for.
  const newCalls = listCalls.slice(callsAfterFirstScreen);
  expect(newCalls.length).toBeGreaterThan(0);
  expect(newCalls.length).toBeLessThanOrEqual(6);
  for (const payload of listCalls) expect(JSON.parse(payload).input.limit).toBeLessThanOrEqual(100);
});
