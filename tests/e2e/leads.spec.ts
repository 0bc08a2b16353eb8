import { expect, test, type HarnessProcess, skipOnboarding } from './harness-fixture.js';
import type { Page } from '@playwright/test';

async function loadSample(page: Page, harness: HarnessProcess) {
  await page.goto(harness.url);
  await skipOnboarding(page);
  await page.getByRole('button', { name: 'Load sample leads' }).click();
  await expect(page.getByText('15 leads')).toBeVisible();
  return page.getByRole('listbox', { name: 'Leads' });
}

test('open a lead, record an outcome by hand, and find it again after a restart', async ({ page, harness }) => {
  const list = await loadSample(page, harness);

  await list.getByRole('option', { name: /Ben Adler/ }).click();
  const detail = page.getByRole('complementary', { name: 'Ben Adler' });
  await expect(detail).toContainText('Northwind Traders');
  await expect(detail).toContainText('No attempts yet.');

  await detail.getByLabel('Note (optional)').fill('Left a short message about the Q3 pilot');
  await detail.getByRole('button', { name: 'Voicemail left' }).click();
  await expect(detail.getByRole('status')).toHaveText('Recorded: Voicemail left');

  const history = detail.getByRole('list', { name: 'Attempt history' });
  await expect(history.getByRole('listitem')).toHaveCount(1);
  await expect(history).toContainText('Voicemail left');
  await expect(history).toContainText('Left a short message about the Q3 pilot');
  await expect(list.getByRole('option', { name: /Ben Adler/ })).toContainText('Voicemail left');

  await detail.getByRole('button', { name: 'Busy' }).click();
  await expect(history.getByRole('listitem')).toHaveCount(2);
  // Newest first.
  await expect(history.getByRole('listitem').first()).toContainText('Busy');

  // Same data folder, new process: the leads and the history are still there.
  await page.goto(await harness.restart());
  await expect(page.getByText('15 leads')).toBeVisible();
  await page.getByRole('listbox', { name: 'Leads' }).getByRole('option', { name: /Ben Adler/ }).click();
  const reopened = page.getByRole('complementary', { name: 'Ben Adler' });
  await expect(reopened.getByRole('list', { name: 'Attempt history' }).getByRole('listitem')).toHaveCount(2);
  await expect(reopened).toContainText('Left a short message about the Q3 pilot');
  await expect(reopened).toContainText('2 (0 conversations, 1 voicemails)');
});

test('the list works from the keyboard: arrows choose a lead, Enter moves to the outcomes, a digit records one', async ({ page, harness }) => {
  const list = await loadSample(page, harness);
  // Focus makes the first lead the active one; the arrow moves on to the second.
  await list.focus();
  await expect(list.getByRole('option').first()).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowDown');
  const second = list.getByRole('option').nth(1);
  await expect(second).toHaveAttribute('aria-selected', 'true');
  const name = (await second.locator('.lead-name').textContent())?.trim() ?? '';
  const detail = page.getByRole('complementary', { name });
  await expect(detail).toBeVisible();

  await page.keyboard.press('Enter');
  await expect(detail.getByRole('button', { name: 'No answer' })).toBeFocused();
  await page.keyboard.press('4');
  await expect(detail.getByRole('status')).toHaveText('Recorded: Conversation');
  await expect(detail.getByRole('list', { name: 'Attempt history' })).toContainText('Conversation');
});

test('search and sort page through the core', async ({ page, harness }) => {
  const list = await loadSample(page, harness);
  await page.getByRole('searchbox', { name: 'Search leads' }).fill('northwind');
  await expect(page.getByText('1 lead', { exact: true })).toBeVisible();
  await expect(list.getByRole('option')).toHaveCount(1);
  await expect(list.getByRole('option')).toContainText('Ben Adler');

  await page.getByRole('searchbox', { name: 'Search leads' }).fill('no such lead anywhere');
  await expect(page.getByText('No leads match “no such lead anywhere”.')).toBeVisible();

  await page.getByRole('searchbox', { name: 'Search leads' }).fill('');
  await expect(page.getByText('15 leads')).toBeVisible();
  const firstByName = (await list.getByRole('option').first().locator('.lead-name').textContent()) ?? '';
  await page.getByRole('button', { name: 'Ascending ↑' }).click();
  await expect(page.getByRole('button', { name: 'Descending ↓' })).toHaveAttribute('aria-pressed', 'true');
  await expect(list.getByRole('option').first().locator('.lead-name')).not.toHaveText(firstByName);
});
