import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test, skipOnboarding } from './harness-fixture.js';

async function serious(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
}

const nav = (page: Page, name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: new RegExp(`^${name}\\b`) });

async function withSample(page: Page, url: string) {
  await page.goto(url);
  await skipOnboarding(page);
  await page.getByRole('button', { name: 'Load sample leads' }).click();
  await expect(page.getByText('15 leads')).toBeVisible();
}

test('? lists the keys of the screen you are on; Esc closes it; Alt+digit changes screen', async ({ page, harness }) => {
  await withSample(page, harness.url);
  await page.keyboard.press('?');
  const overlay = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(overlay).toBeVisible();
  await expect(overlay.getByRole('heading', { name: 'On Leads' })).toBeVisible();
  await expect(overlay).toContainText('Open the chosen lead and move to its outcomes');
  await expect(overlay).toContainText('Record “No answer”');
  await expect(overlay).toContainText('Alt+1');
  expect(await serious(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(overlay).toHaveCount(0);

  // Alt+n is the n-th screen of the sidebar.
  const labels = await page.getByRole('navigation', { name: 'Main' }).getByRole('button').allInnerTexts();
  const phoneKey = labels.findIndex((label) => label.startsWith('Phone')) + 1;
  await page.keyboard.press(`Alt+${phoneKey}`);
  await expect(nav(page, 'Phone')).toHaveAttribute('aria-current', 'page');
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' }).getByRole('heading', { name: 'On Phone' })).toBeVisible();
  await page.keyboard.press('Escape');
  // Typing ? in a field is typing, not the overlay.
  await page.getByLabel('Display name').fill('Who?');
  await expect(page.getByRole('dialog')).toHaveCount(0);
});

test('the theme follows the system, and Settings › Appearance overrides it', async ({ page, harness }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await withSample(page, harness.url);
  const background = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  expect(await background()).toBe('rgb(18, 24, 29)');
  expect(await serious(page)).toEqual([]);
  await nav(page, 'Settings').click();
  await page.getByRole('radio', { name: 'Light' }).check();
  expect(await background()).toBe('rgb(245, 247, 249)');
  await page.reload();
  expect(await background()).toBe('rgb(245, 247, 249)');
  await page.emulateMedia({ colorScheme: 'light' });
  await nav(page, 'Settings').click();
  await page.getByRole('radio', { name: 'Dark' }).check();
  expect(await background()).toBe('rgb(18, 24, 29)');
  expect(await serious(page)).toEqual([]);
});

test('Settings: the time zone from a searchable list of every zone, the country by name, stricter windows, notifications', async ({ page, harness }) => {
  await withSample(page, harness.url);
  await nav(page, 'Settings').click();
  const form = page.getByRole('form', { name: 'Settings' });
  await form.getByRole('searchbox', { name: 'Search time zones' }).fill('berlin');
  const zones = form.getByRole('listbox', { name: 'Your time zone' });
  await expect(zones.getByRole('option')).toHaveCount(2); // the current zone stays listed, plus Berlin
  await zones.selectOption('Europe/Berlin');
  await form.getByRole('combobox', { name: 'Default country' }).selectOption({ label: 'Germany (DE)' });
  await form.getByRole('button', { name: 'Save settings' }).click();
  await expect(form.getByText('Settings saved.')).toBeVisible();
  await page.reload();
  await nav(page, 'Settings').click();
  await expect(page.getByRole('listbox', { name: 'Your time zone' })).toHaveValue('Europe/Berlin');
  await expect(page.getByRole('combobox', { name: 'Default country' })).toHaveValue('DE');

  const windows = page.getByRole('region', { name: 'Stricter calling windows' });
  await windows.getByRole('combobox', { name: 'Add a country' }).selectOption('US');
  await windows.getByRole('button', { name: 'Add', exact: true }).click();
  const from = windows.getByRole('listitem').filter({ hasText: 'US' }).getByLabel('From');
  await from.fill('07:00');
  await expect(windows.getByRole('alert')).toContainText('stricter only');
  await expect(windows.getByRole('button', { name: 'Save calling windows' })).toBeDisabled();
  await from.fill('09:30');
  await windows.getByRole('searchbox').fill('Dana');
  await windows.getByRole('button', { name: /^Add Dana Whitfield/ }).click();
  await windows.getByRole('button', { name: 'Save calling windows' }).click();
  await expect(windows.getByText('Calling windows saved.')).toBeVisible();
  // The schedule form saving afterwards keeps them.
  await page.getByRole('form', { name: 'Calling schedule' }).getByRole('button', { name: /^Save/ }).click();
  await page.reload();
  await nav(page, 'Settings').click();
  const reloaded = page.getByRole('region', { name: 'Stricter calling windows' });
  await expect(reloaded.getByRole('listitem').filter({ hasText: 'US' }).getByLabel('From')).toHaveValue('09:30');
  await expect(reloaded.getByRole('button', { name: /^Remove the window for/ })).toHaveCount(2);

  const notify = page.getByRole('checkbox', { name: /Notify me when a returns slot starts/ });
  await expect(notify).toBeChecked();
  await notify.uncheck();
  await page.reload();
  await nav(page, 'Settings').click();
  await expect(page.getByRole('checkbox', { name: /Notify me when a returns slot starts/ })).not.toBeChecked();
  expect(await serious(page)).toEqual([]);
});

// The core's clock is pinned: what stops a test call depends on the hour (the rep's hours are 9:00–17:00 UTC by
// default, the number is in New York), and a clean-clone CI at 17:17 UTC met the rep's hours, not the missing account.
test.describe('a test call says in words why it cannot start', () => {
  async function tryTestCall(page: Page, url: string) {
    await withSample(page, url);
    await nav(page, 'Phone').click();
    const testCall = page.getByRole('form', { name: 'Test call' });
    await testCall.getByLabel('Number to call').fill('+1 (212) 555-0147');
    await testCall.getByRole('button', { name: 'Test call' }).click();
    return testCall.getByRole('alert');
  }

  test.describe('inside the rep’s hours and the legal window', () => {
    test.use({ harnessNow: '2026-12-01T15:00:00Z' });
    test('the Phone screen has a test call; without an account it says so', async ({ page, harness }) => {
      await expect(await tryTestCall(page, harness.url)).toContainText('No SIP account is set up');
      expect(await serious(page)).toEqual([]);
    });
  });

  test.describe('after the rep’s hours', () => {
    test.use({ harnessNow: '2026-12-01T18:00:00Z' });
    test('the dial gate applies to a test call too', async ({ page, harness }) => {
      await expect(await tryTestCall(page, harness.url)).toContainText('Outside your working hours (9:00–17:00 UTC)');
    });
  });
});
