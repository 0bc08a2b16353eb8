import { expect, test, skipOnboarding } from './harness-fixture.js';

test('first run offers an import, the sample list or a practice block, and the sample leads appear in the list', async ({ page, harness }) => {
  await page.goto(harness.url);
  await skipOnboarding(page);

  await expect(page.getByRole('heading', { name: 'Welcome to Dialdesk' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Import a CSV', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Try a practice block', exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Load sample leads' }).click();

  const list = page.getByRole('listbox', { name: 'Leads' });
  await expect(list).toBeVisible();
  await expect(page.getByText('15 leads')).toBeVisible();
  await expect(list.getByRole('option', { name: /Ben Adler/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Welcome to Dialdesk' })).toHaveCount(0);
});

test('first run "Import a CSV" opens the import screen', async ({ page, harness }) => {
  await page.goto(harness.url);
  await skipOnboarding(page);
  await page.getByRole('button', { name: 'Import a CSV' }).click();
  await expect(page.getByRole('heading', { name: 'Import leads' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Import', exact: true })).toHaveAttribute('aria-current', 'page');
});

test('the page runs under the strict CSP: own scripts and styles only, sockets only to its own web shell', async ({ page, harness }) => {
  await page.goto(harness.url);
  await skipOnboarding(page);
  await expect(page.getByRole('heading', { name: 'Welcome to Dialdesk' })).toBeVisible();
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp?.split('; ')).toEqual([
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "media-src 'self' blob: mediastream:",
    `connect-src 'self' ws://127.0.0.1:${new URL(harness.url).port}`,
    "base-uri 'none'",
    "form-action 'none'",
  ]);
  // Nothing inline in the built page.
  expect(await page.locator('script:not([src]), style').count()).toBe(0);
  // The stylesheet applied (the CSP did not block it).
  await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCSS('background-color', 'rgb(35, 55, 69)');
});
