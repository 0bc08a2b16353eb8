/**
 * Issue 26's first minute, keyboard only, from an empty data folder: the onboarding questions
 * answered, the "Try a practice block" door, a block of five practice leads (the pinned seed draws
 * a box first, then a person, a busy line, a person, a number not in service), the box's voicemail
 * dropped by itself after its beep, the summary's counts as drawn, and no attempt in the real
 * folder. (practice.spec.ts covers the practice line's other promises: the hours "in real life",
 * the stats in practice mode, leaving practice.)
 *
 * With DIALDESK_SCREENSHOTS=1 it also writes the README's screenshots (docs/screenshots/*.png):
 * the focus view, the returns slot queue and the stats screen, on the practice line. A plain run
 * writes nothing, so CI never churns them.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { drawFarEnd } from '../../main/core/practice/far-end-draw.js';
import { fakeMediaLaunchOptions, silentMic } from './call-lab.js';
import { attemptLines } from './data-folder.js';
import { expect, test } from './harness-fixture.js';

const SEED = 32;
const SCREENSHOTS = process.env.DIALDESK_SCREENSHOTS === '1' ? fileURLToPath(new URL('../../docs/screenshots/', import.meta.url)) : null;
// The core's own clock, not a test clock: the page's call timers read the browser's, and the two agree.
test.use({
  launchOptions: fakeMediaLaunchOptions(silentMic(process.env.TMPDIR ?? '/tmp')),
  harnessTimeZone: 'America/New_York',
  harnessPracticeSeed: SEED,
});

/** The whole window as the rep sees it, written only when screenshots are asked for. */
async function screenshot(page: Page, name: string): Promise<void> {
  if (!SCREENSHOTS) return;
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), animations: 'disabled' });
}

test('keyboard only from an empty folder: onboarding, "Try a practice block", a box dropped at the beep, counts as drawn, the real folder untouched', async ({ page, harness }) => {
  test.setTimeout(120_000);
  const drawn = [0, 1, 2, 3, 4].map((i) => drawFarEnd(SEED, i));
  expect(drawn.filter((f) => f.kind === 'voicemail').length).toBeGreaterThanOrEqual(1);

  await page.goto(harness.url);
  // The questions, answered by keyboard.
  await expect(page.getByLabel('Default country')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Your name')).toBeFocused();
  await page.keyboard.type('Dana Reyes');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Brightline Solar');
  await page.keyboard.press('Tab');
  await page.keyboard.type('(802) 555-0142');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Your time' })).toBeVisible();
  await page.keyboard.press('Enter');

  // The doors: the third one, by keyboard.
  await expect(page.getByRole('heading', { name: 'Welcome to Dialdesk' })).toBeFocused();
  for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Try a practice block', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');

  const block = page.getByRole('region', { name: 'Dial block' });
  await expect(block).toBeFocused();
  await expect(block.getByText('PRACTICE', { exact: true })).toBeVisible();
  const drop = page.getByRole('region', { name: 'Voicemail drop' });
  let shot = false;
  for (const [i, farEnd] of drawn.entries()) {
    await expect(block.locator('.block-timer')).toContainText(`${i} of 5 leads`, { timeout: 30_000 });
    if (farEnd.kind === 'voicemail') {
      // The read-out starts by itself once the detector hears the beep, and the call is hung up after it.
      if (SCREENSHOTS && !shot) {
        // The focus view while the read-out plays into the box, the PRACTICE banner in sight.
        await expect(drop).toContainText('Playing the message', { timeout: 45_000 });
        await page.getByRole('region', { name: 'Practice mode' }).scrollIntoViewIfNeeded();
        await screenshot(page, 'focus-view');
        shot = true;
      }
      await expect(drop).toContainText('Voicemail left', { timeout: 45_000 });
    } else if (farEnd.kind === 'person') {
      await expect(drop).toContainText('A person answered', { timeout: 15_000 });
      // The rep hangs up and settles by keys, focus still on the block.
      await expect(block).toBeFocused();
      await page.keyboard.press('h');
      await page.keyboard.press('1');
    }
  }

  const summary = page.getByRole('region', { name: 'Block summary' });
  await expect(summary).toBeVisible({ timeout: 30_000 });
  const count = (kind: string) => String(drawn.filter((f) => f.kind === kind).length);
  const figure = (term: string) => summary.locator(`dt:text-is("${term}") + dd`);
  await expect(figure('Dials')).toHaveText('5');
  await expect(figure('Voicemails left')).toHaveText(count('voicemail'));
  await expect(figure('Conversations')).toHaveText(count('person'));
  await expect(page.getByLabel('Practice calls')).toHaveAttribute('data-first-voicemail-at', /^\d{4}-\d\d-\d\dT/);

  // Every call an attempt in the practice folder; none in the real one.
  expect(attemptLines(join(harness.dataDir, 'practice'))).toBe(5);
  expect(attemptLines(harness.dataDir)).toBe(0);

  if (SCREENSHOTS) {
    await page.getByRole('button', { name: 'Returns' }).click();
    await screenshot(page, 'returns-slot');
    await page.getByRole('button', { name: 'Stats' }).click();
    await page.getByRole('button', { name: 'All time' }).click();
    await expect(page.getByRole('region', { name: 'Stats' }).getByLabel('Totals').locator('dt:text-is("Dials") + dd')).toHaveText('5');
    await screenshot(page, 'stats');
  }
});
