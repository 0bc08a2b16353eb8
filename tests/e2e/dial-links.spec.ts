/**
 * Click-to-dial in the web shell: the browser sends a tel:/sip: link to the handler address the
 * Settings screen registers (`/?token=T&link=%s`). The link opens the lead that owns the number,
 * or offers to create one, and never dials: no call region, no attempt, until the rep presses Dial.
 */
import type { Page } from '@playwright/test';
import { expect, test, type HarnessProcess, skipOnboarding } from './harness-fixture.js';

const handlerAddress = (harness: HarnessProcess, link: string) => `${harness.origin}/?token=${harness.token}&link=${encodeURIComponent(link)}`;

async function loadSample(page: Page, harness: HarnessProcess) {
  await page.goto(harness.url);
  await skipOnboarding(page);
  await page.getByRole('button', { name: 'Load sample leads' }).click();
  await expect(page.getByText('15 leads')).toBeVisible();
}

test('a tel: link opens the lead that owns the number and never dials', async ({ page, harness }) => {
  await loadSample(page, harness);
  // Another screen is in front when the link arrives.
  await page.getByRole('button', { name: 'Stats', exact: true }).click();

  await page.goto(handlerAddress(harness, 'tel:+1-404-555-0110'));
  const lead = page.getByRole('complementary', { name: 'Ben Adler' });
  await expect(lead).toBeVisible();
  const notice = page.getByRole('status').filter({ hasText: 'from a tel: link' });
  await expect(notice).toContainText('Opened Ben Adler from a tel: link');
  await expect(notice).toContainText('nothing was dialled; press Dial on the lead to call');
  // The link is out of the address bar: a reload opens the app, not the link again.
  await expect.poll(() => new URL(page.url()).searchParams.has('link')).toBe(false);
  // Nor does the launch code stay there (it is spent; the session cookie is the credential).
  expect(new URL(page.url()).searchParams.has('token')).toBe(false);

  // Never dialled: no call, no attempt, the Dial button still waiting for the rep.
  await page.waitForTimeout(500);
  await expect(page.getByRole('region', { name: 'Current call' })).toHaveCount(0);
  await expect(lead).toContainText('No attempts yet.');
  await expect(lead.getByRole('button', { name: 'Dial' })).toBeEnabled();
  expect(harness.log).not.toMatch(/INVITE/);

  await page.reload();
  await expect(page.getByText('15 leads')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'from a tel: link' })).toHaveCount(0);
});

test('a sip: link for a number no lead has offers to create the lead, and opens it once created', async ({ page, harness }) => {
  await loadSample(page, harness);
  await page.goto(handlerAddress(harness, 'sip:+13125550199@pbx.example.com;user=phone'));
  const offer = page.getByRole('status').filter({ hasText: 'No lead has +13125550199' });
  await expect(offer).toBeVisible();
  await offer.getByRole('button', { name: 'Create the lead' }).click();
  await expect(offer.getByRole('alert')).toHaveText('Give the lead a name.');
  await offer.getByLabel('Name').fill('Rosa Delgado');
  await offer.getByRole('button', { name: 'Create the lead' }).click();
  const lead = page.getByRole('complementary', { name: 'Rosa Delgado' });
  await expect(lead).toBeVisible();
  await expect(lead).toContainText('No attempts yet.');
  await expect(page.getByText('16 leads')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Current call' })).toHaveCount(0);
});

test('a malformed link shows a clear notice and does nothing else', async ({ page, harness }) => {
  await loadSample(page, harness);
  await page.goto(handlerAddress(harness, 'tel:1-800-FLOWERS'));
  const alert = page.getByRole('alert').filter({ hasText: 'Link not opened' });
  await expect(alert).toContainText('This link cannot be opened: "1-800-FLOWERS" is not a phone number.');
  // No lead was opened: the detail pane is still the empty one.
  await expect(page.getByRole('complementary')).toHaveCount(1);
  await expect(page.getByRole('complementary')).toHaveClass(/lead-detail-empty/);
  await expect(page.getByText('15 leads')).toBeVisible();
  await alert.getByRole('button', { name: 'Dismiss' }).click();
  await expect(alert).toHaveCount(0);
});

test('Settings offers the browser the tel: and sip: handler once, at the app’s address; global keys are the app’s', async ({ page, harness }) => {
  // Record what the page asks of the browser (Chromium's own prompt cannot be answered from a test).
  await page.addInitScript(() => {
    const calls: string[][] = [];
    (window as unknown as { protocolCalls: string[][] }).protocolCalls = calls;
    Object.defineProperty(navigator, 'registerProtocolHandler', { value: (scheme: string, url: string) => void calls.push([scheme, url]), configurable: true });
  });
  await loadSample(page, harness);
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const section = page.getByRole('group', { name: 'Click-to-dial links' });
  await section.getByRole('button', { name: 'Open tel: and sip: links with Dialdesk' }).click();
  await expect(section.getByRole('status')).toContainText('Offered to the browser for this address');
  // The launch code is single-use and already gone from the address: the handler is the app's address, and the
  // session cookie the browser holds is what lets a link in.
  const handler = `${harness.origin}/?link=%s`;
  expect(await page.evaluate(() => (window as unknown as { protocolCalls: string[][] }).protocolCalls)).toEqual([
    ['tel', handler],
    ['sip', handler],
  ]);
  // Offered once: after a reload the button is not offered again for the same address.
  await page.reload();
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  await expect(page.getByRole('group', { name: 'Click-to-dial links' }).getByRole('button')).toHaveCount(0);
  await expect(page.getByRole('group', { name: 'Global keys' })).toContainText('work in the Dialdesk app, not in a browser');
});
