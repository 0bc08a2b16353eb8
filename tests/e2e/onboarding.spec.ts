import { fakeMediaLaunchOptions, silentMic } from './call-lab.js';
import { expect, test } from './harness-fixture.js';

// The practice door places calls: a (silent) microphone for them.
test.use({ launchOptions: fakeMediaLaunchOptions(silentMic(process.env.TMPDIR ?? '/tmp')) });

test.describe('on a system set to Denver', () => {
  test.use({ harnessTimeZone: 'America/Denver' });

  test('the first-run questions, keyboard only: each says why, a bad callback number loses nothing, the answers are saved, then three doors', async ({ page, harness }) => {
    await page.goto(harness.url);

    // 1. Where calls are made from: focus is on the question's field.
    await expect(page.getByRole('heading', { name: 'Where you call from' })).toBeVisible();
    await expect(page.getByText('Numbers written without a country code')).toBeVisible();
    await expect(page.getByLabel('Default country')).toBeFocused();
    await expect(page.getByLabel('Default country')).toHaveValue('US');
    await page.keyboard.press('Enter');

    // 2. Who is calling, and why it is asked.
    await expect(page.getByRole('heading', { name: 'Who is calling' })).toBeVisible();
    await expect(page.getByText('A voicemail must name the caller and give a number to call back')).toBeVisible();
    await expect(page.getByLabel('Your name')).toBeFocused();
    await page.keyboard.type('Dana Reyes');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Brightline Solar');
    await page.keyboard.press('Tab');
    await page.keyboard.type('555 01');
    await page.keyboard.press('Enter');
    // Refused by libphonenumber in the core, next to the field; still this step, nothing typed lost.
    const callback = page.getByLabel('Callback number');
    await expect(callback).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByText('"555 01" is not a valid phone number for US: a lead could not call it back.').first()).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Who is calling' })).toBeVisible();
    await expect(page.getByLabel('Your name')).toHaveValue('Dana Reyes');
    await expect(page.getByLabel('Company')).toHaveValue('Brightline Solar');
    await expect(callback).toHaveValue('555 01');
    await callback.focus();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('(512) 555-0182');
    await page.keyboard.press('Enter');

    // 3. The rep's time: the zone is this system's (Denver), not UTC.
    await expect(page.getByRole('heading', { name: 'Your time' })).toBeVisible();
    await expect(page.getByText("The dial gate works in the lead’s time and yours")).toBeVisible();
    await expect(page.getByRole('searchbox', { name: 'Search time zones' })).toBeFocused();
    await expect(page.getByRole('listbox', { name: 'Your time zone' })).toHaveValue('America/Denver');
    await page.getByLabel('Start').focus();
    await page.keyboard.type('0800AM');
    await expect(page.getByLabel('Start')).toHaveValue('08:00');
    await page.getByRole('checkbox', { name: 'Saturday' }).focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('Enter');

    // Then the three doors, by their exact names; focus moved to them.
    const welcome = page.getByRole('heading', { name: 'Welcome to Dialdesk' });
    await expect(welcome).toBeFocused();
    for (const door of ['Import a CSV', 'Load sample leads', 'Try a practice block']) {
      await expect(page.getByRole('button', { name: door, exact: true })).toBeVisible();
    }

    // Saved, and not asked again.
    await page.goto(await harness.restart());
    await expect(welcome).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Where you call from' })).toHaveCount(0);
    await page.getByRole('button', { name: 'Settings' }).click();
    const form = page.getByRole('form', { name: 'Settings' });
    await expect(form.getByLabel('Your name')).toHaveValue('Dana Reyes');
    await expect(form.getByLabel('Company')).toHaveValue('Brightline Solar');
    await expect(form.getByLabel('Callback number')).toHaveValue('(512) 555-0182');
    await expect(form.getByLabel('Your time zone')).toHaveValue('America/Denver');
    await expect(form.getByLabel('Start')).toHaveValue('08:00');
    await expect(form.getByRole('checkbox', { name: 'Saturday' })).toBeChecked();
    await expect(form.getByRole('checkbox', { name: 'Monday' })).toBeChecked();
  });
});

test('Escape skips the questions for good; "Try a practice block" starts a practice block, and the real folder stays a first run', async ({ page, harness }) => {
  await page.goto(harness.url);
  await expect(page.getByRole('heading', { name: 'Where you call from' })).toBeVisible();
  await page.keyboard.press('Escape');
  const welcome = page.getByRole('heading', { name: 'Welcome to Dialdesk' });
  await expect(welcome).toBeFocused();

  // The third door, by keyboard: practice starts, and so does its block of five sample leads.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Try a practice block', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: 'Practice mode' })).toContainText('PRACTICE');
  await expect(page).toHaveTitle('PRACTICE — Dialdesk');
  const block = page.getByRole('region', { name: 'Dial block' });
  await expect(block).toBeFocused();
  await expect(block.getByText('PRACTICE', { exact: true })).toBeVisible();
  await expect(block.locator('.block-timer')).toContainText('of 5 leads');
  await expect(page.getByRole('alert')).toHaveCount(0);

  await page.goto(await harness.restart());
  await expect(welcome).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Where you call from' })).toHaveCount(0);

  // Skipped values stay findable: the Scripts screen names each one not set, linked to its setting.
  await page.getByRole('button', { name: 'Scripts' }).click();
  for (const gap of ['your name: not set', 'your company: not set', 'your callback number: not set']) {
    await expect(page.getByRole('link', { name: gap, exact: true })).toBeVisible();
  }
  await page.getByRole('link', { name: 'your name: not set', exact: true }).click();
  await expect(page.getByRole('form', { name: 'Settings' }).getByLabel('Your name')).toBeFocused();
});

test.describe('with the questions skipped', () => {
  test.use({ harnessNow: '2026-12-01T16:00:00Z' });

  test('the opener and voicemail show no gap: each value not set is marked and links to its setting', async ({ page, harness }) => {
    await page.goto(harness.url);
    await page.getByRole('button', { name: 'Skip', exact: true }).click();
    await page.getByRole('button', { name: 'Load sample leads', exact: true }).click();
    await expect(page.getByText('15 leads')).toBeVisible();
    await page.getByRole('button', { name: 'Dial block' }).click();
    await page.getByRole('form', { name: 'Start a dial block' }).getByRole('button', { name: 'Start block' }).click();

    const block = page.getByRole('region', { name: 'Dial block' });
    const opener = block.getByLabel('Opener');
    const voicemail = block.getByRole('complementary', { name: 'Voicemail script' });
    await expect(opener.getByRole('link', { name: 'your name: not set' })).toBeVisible();
    for (const gap of ['your name: not set', 'your company: not set', 'your callback number: not set']) {
      await expect(voicemail.getByRole('link', { name: gap }).first()).toBeVisible();
    }
    // No gap anywhere: no space before punctuation, no doubled space, no "from ." or "at when".
    for (const text of [await opener.innerText(), await voicemail.innerText()]) {
      expect(text).not.toMatch(/[ \t][.,;!?]|[ \t]{2}|\b(from|at|it's|That's)[ \t]+[.,;!?]/);
    }
    // The number as the lead list writes it, not E.164.
    await expect(block.locator('.focus-meta .num')).toHaveText(/^\+1 \d{3} \d{3} \d{4}$/);

    // The link opens the setting, focused.
    await voicemail.getByRole('link', { name: 'your callback number: not set' }).first().click();
    await expect(page.getByRole('form', { name: 'Settings' }).getByLabel('Callback number')).toBeFocused();
  });
});
