import type { Page } from '@playwright/test';
import { expect, test, skipOnboarding } from './harness-fixture.js';
import { setFixedTime } from './fixed-clock.js';

// Tuesday 1 December 2026, 10:00 in New York: inside Dana's window and the rep's hours.
const NOW = '2026-12-01T15:00:00Z';
test.use({ harnessNow: NOW });

async function setUpRep(page: Page) {
  await page.getByRole('button', { name: 'Settings' }).click();
  const form = page.getByRole('form', { name: 'Settings' });
  await form.getByLabel('Your name').fill('Alex Rivera');
  await form.getByLabel('Company').fill('Northwind');
  await form.getByLabel('Callback number').fill('+1 212 555 0199');
  await form.getByRole('searchbox', { name: 'Search time zones' }).fill('America/New_York');
  await form.getByRole('listbox', { name: 'Your time zone' }).selectOption('America/New_York');
  await form.getByRole('button', { name: 'Save settings' }).click();
  await expect(form.getByRole('status')).toHaveText('Settings saved.');
}

/** The sample list loaded at NOW, the rep set up, and Dana's lead open. */
async function startWithDana(page: Page, url: string) {
  await setFixedTime(page, new Date(NOW));
  await page.goto(url);
  await skipOnboarding(page);
  await page.getByRole('button', { name: 'Load sample leads' }).click();
  await expect(page.getByText('15 leads')).toBeVisible();
  await setUpRep(page);
  return openDana(page);
}

async function openDana(page: Page) {
  await page.getByRole('button', { name: /^Leads/ }).click();
  await page.getByRole('listbox', { name: 'Leads' }).getByRole('option', { name: /Dana Whitfield/ }).click();
  return page.getByRole('complementary', { name: 'Dana Whitfield' });
}

test('a voicemail left from the script panel promises the next attempt, and the lead is then pinned to it', async ({ page, harness }) => {
  const detail = await startWithDana(page, harness.url);

  const schedule = detail.getByRole('region', { name: 'Schedule' });
  await expect(schedule).toContainText('America/New_York');
  await expect(schedule).toContainText('Tue 10:00 AM');
  await expect(schedule).toContainText('Allowed now');
  await expect(schedule).toContainText('Being worked');
  await expect(schedule.getByRole('progressbar', { name: 'Cadence: 0 of 8 attempts' })).toBeVisible();

  const panel = detail.getByRole('region', { name: 'Voicemail script' });
  await panel.getByRole('button', { name: 'Show script' }).click();
  const script = panel.getByLabel('Script to read');
  // Two first-voicemail scripts take turns by lead; either way it is Dana's, from Alex.
  await expect(script).toContainText(/^Hi Dana, (this is Alex Rivera with|it's Alex Rivera from) Northwind\./);
  await expect(script).toContainText('212-555-0199');
  await expect(panel).toContainText('First voicemail');
  const promised = panel.locator('.voicemail-promise strong');
  await expect(promised).toHaveText(/^(tomorrow|Wednesday|Thursday) at \d{1,2}:\d{2}/);
  const phrase = (await promised.textContent()) ?? '';
  // The script itself speaks the promise in the lead's time.
  await expect(script).toContainText(phrase);

  await panel.getByRole('button', { name: 'I left this voicemail' }).click();
  await expect(panel.getByRole('status')).toHaveText(`Recorded: Voicemail left · next attempt promised ${phrase}`);

  // The lead now carries the promise, and the next attempt is the promised one.
  await expect(schedule.locator('.promise')).toContainText(phrase);
  await expect(schedule.locator('.promise')).toContainText('Open');
  await expect(schedule.locator('.next-attempt')).toContainText(phrase);
  await expect(schedule.locator('.next-attempt')).toContainText('Promised');
  await expect(schedule.getByRole('progressbar', { name: 'Cadence: 1 of 8 attempts' })).toBeVisible();
  await expect(detail.getByRole('list', { name: 'Attempt history' })).toContainText('next attempt promised');

  // The next voicemail is the follow-up, which opens "calling as promised".
  await expect(panel).toContainText('Follow-up');
  await expect(script).toContainText('calling as promised');
});

test('the 24-hour strip shows each attempt at the lead\'s local time, coloured by outcome', async ({ page, harness }) => {
  const detail = await startWithDana(page, harness.url);

  const strip = detail.getByRole('img', { name: /Attempts by time of day in America\/New_York/ });
  await expect(strip).toHaveAccessibleName(/none yet/);
  await expect(strip.locator('.strip-mark')).toHaveCount(0);

  await detail.getByRole('button', { name: 'No answer' }).click();
  await expect(strip.locator('.strip-mark')).toHaveCount(1);
  await detail.getByRole('button', { name: 'Busy' }).click();
  await expect(strip.locator('.strip-mark')).toHaveCount(2);
  await expect(strip.locator('.strip-mark[data-outcome="no-answer"]')).toHaveCount(1);
  await expect(strip.locator('.strip-mark[data-outcome="busy"]')).toHaveCount(1);
  // 15:00 UTC is 10:00 in New York: both marks sit at ten in the morning of the lead's day.
  await expect(strip).toHaveAccessibleName(/10:0\d No answer, 10:0\d Busy/);
  await expect(strip).toHaveAccessibleName(/Next attempt \d{1,2}:\d{2}/);
  // The band the attempts fell in shows it was tried twice.
  await expect(strip.locator('.strip-band.is-tried')).toHaveCount(1);
  await expect(strip.locator('.strip-band.is-tried text')).toHaveText('2');
  await expect(detail.getByRole('region', { name: 'Schedule' }).getByRole('progressbar', { name: 'Cadence: 2 of 8 attempts' })).toBeVisible();
});
