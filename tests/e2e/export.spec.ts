import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import Papa from 'papaparse';
import { expect, test, skipOnboarding } from './harness-fixture.js';

async function download(page: Page, button: string): Promise<{ name: string; rows: string[][]; text: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  const path = await file.path();
  const text = readFileSync(path, 'utf8');
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true });
  return { name: file.suggestedFilename(), rows: parsed.data, text };
}

test('leads and attempt history download as CSV with their headers and rows', async ({ page, harness }) => {
  await page.goto(harness.url);
  await skipOnboarding(page);
  await page.getByRole('button', { name: 'Load sample leads' }).click();
  await expect(page.getByText('15 leads')).toBeVisible();

  await page.getByRole('listbox', { name: 'Leads' }).getByRole('option', { name: /Ben Adler/ }).click();
  const detail = page.getByRole('complementary', { name: 'Ben Adler' });
  await detail.getByLabel('Note (optional)').fill('Asked for "Q3, maybe Q4"');
  await detail.getByRole('button', { name: 'Voicemail left' }).click();
  await expect(detail.getByRole('status')).toHaveText('Recorded: Voicemail left');
  await detail.getByRole('button', { name: 'Busy' }).click();
  await expect(detail.getByRole('list', { name: 'Attempt history' }).getByRole('listitem')).toHaveCount(2);

  const leads = await download(page, 'Export leads (CSV)');
  expect(leads.name).toMatch(/^dialdesk-leads-\d{4}-\d{2}-\d{2}\.csv$/);
  // A BOM so Excel reads it as UTF-8.
  expect(leads.text.startsWith('\uFEFF')).toBe(true);
  const [leadHeader, ...leadRows] = leads.rows;
  expect(leadHeader.slice(0, 6)).toEqual(['id', 'first_name', 'last_name', 'company', 'email', 'phone']);
  expect(leadHeader).toEqual(expect.arrayContaining(['do_not_call', 'attempts', 'last_outcome']));
  expect(leadRows).toHaveLength(15);
  const ben = leadRows.find((row) => row[1] === 'Ben' && row[2] === 'Adler');
  expect(ben?.[leadHeader.indexOf('company')]).toBe('Northwind Traders');
  expect(ben?.[leadHeader.indexOf('phone')]).toBe('+14045550110');
  expect(ben?.[leadHeader.indexOf('attempts')]).toBe('2');
  expect(ben?.[leadHeader.indexOf('last_outcome')]).toBe('busy');
  await expect(page.getByRole('group', { name: 'Export' }).getByRole('status')).toHaveText(`Exported ${leads.name}`);

  const attempts = await download(page, 'Export attempt history (CSV)');
  expect(attempts.name).toMatch(/^dialdesk-attempt-history-\d{4}-\d{2}-\d{2}\.csv$/);
  const [attemptHeader, ...attemptRows] = attempts.rows;
  expect(attemptHeader).toEqual([
    'id', 'lead_id', 'phone', 'outcome', 'started_at', 'ended_at', 'recorded_at', 'source', 'sip_status', 'script_id', 'script_version', 'promised_for', 'note',
  ]);
  expect(attemptRows).toHaveLength(2);
  const voicemail = attemptRows.find((row) => row[3] === 'voicemail');
  expect(voicemail?.[1]).toBe(ben?.[0]);
  expect(voicemail?.[2]).toBe('+14045550110');
  expect(voicemail?.[7]).toBe('manual');
  // The core chose the promise itself for a plain "Voicemail left".
  expect(voicemail?.[11]).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  expect(voicemail?.[12]).toBe('Asked for "Q3, maybe Q4"');
  expect(attemptRows.map((row) => row[3]).sort()).toEqual(['busy', 'voicemail']);
});
