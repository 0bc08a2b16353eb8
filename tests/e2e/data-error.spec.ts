import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, skipOnboarding } from './harness-fixture.js';

const GARBAGE = Buffer.from('{"version": 1, "leads": [ {"id": "a", "firstName": \u0000\u0001 this is not json', 'utf8');

test('a damaged data file shows a clear error, keeps the file, and lets the rep start with an empty list', async ({ page, harness }) => {
  // Some real data first, then damage the leads file while the harness is stopped.
  await page.goto(harness.url);
  await skipOnboarding(page);
  await page.getByRole('button', { name: 'Load sample leads' }).click();
  await expect(page.getByText('15 leads')).toBeVisible();
  await harness.stop();
  const leadsFile = join(harness.dataDir, 'leads.json');
  expect(existsSync(leadsFile)).toBe(true);
  writeFileSync(leadsFile, GARBAGE);

  await page.goto(await harness.start());
  await expect(page.getByRole('heading', { name: 'Dialdesk could not read your lead data' })).toBeVisible();
  await expect(page.getByText(/leads\.json cannot be read/)).toBeVisible();
  const kept = page.getByRole('list', { name: 'Kept files' });
  await expect(kept.getByRole('listitem').first()).toBeVisible();
  const keptPaths = (await kept.getByRole('listitem').allTextContents()).map((text) => text.trim());
  const keptLeads = keptPaths.find((path) => path.endsWith('leads.json'));
  expect(keptLeads, `kept files: ${keptPaths.join(', ')}`).toBeDefined();
  // The rep's bytes, untouched, where the screen says they are.
  expect(readFileSync(keptLeads!)).toEqual(GARBAGE);
  // No navigation to an empty list that would look like lost data.
  await expect(page.getByRole('listbox', { name: 'Leads' })).toHaveCount(0);

  // The error survives a restart until the rep decides.
  await page.goto(await harness.restart());
  await expect(page.getByRole('heading', { name: 'Dialdesk could not read your lead data' })).toBeVisible();

  await page.getByRole('button', { name: 'Start with an empty list (your damaged file stays where it is)' }).click();
  // The first-run questions were skipped before: settings outlive the damaged data, so the doors come straight away.
  await expect(page.getByRole('heading', { name: 'Welcome to Dialdesk' })).toBeVisible();
  expect(readFileSync(keptLeads!)).toEqual(GARBAGE);

  await page.getByRole('button', { name: 'Load sample leads' }).click();
  await expect(page.getByText('15 leads')).toBeVisible();
});
