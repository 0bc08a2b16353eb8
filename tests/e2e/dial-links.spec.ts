/**
 * Click-to-dial in the web shell. The Settings screen registers `/dial-link?link=%s`; a link clicked
 * on a CRM (another site) reaches that page without the SameSite=Strict session cookie, and the page
 * hands the link to the open Dialdesk tab. The app's own address also takes a link (`/?link=…`, the
 * hand-over page's "open Dialdesk here"). The link opens the lead that owns the number, or offers to
 * create one, and never dials: no call region, no attempt, until the rep presses Dial.
 */
import type { BrowserContext, Page } from '@playwright/test';
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

test('Settings offers the browser the tel: and sip: handler once, at the hand-over page’s address; global keys are the app’s', async ({ page, harness }) => {
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
  // The handler is the sessionless hand-over page: a link clicked on another site arrives without the
  // SameSite=Strict cookie, and no (single-use, spent) launch code is baked into it.
  const handler = `${harness.origin}/dial-link?link=%s`;
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

/** A CRM page on another site (its own origin, so a click from it is a cross-site navigation), with one link per row. */
const CRM_ORIGIN = 'http://crm.example';
async function crmPage(context: BrowserContext, links: Record<string, string>): Promise<Page> {
  const crm = await context.newPage();
  const rows = Object.entries(links)
    .map(([label, href]) => `<li><a href="${href.replaceAll('&', '&amp;').replaceAll('"', '&quot;')}">${label}</a></li>`)
    .join('');
  await crm.route(`${CRM_ORIGIN}/`, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: `<!doctype html><title>CRM</title><ul>${rows}</ul>` }));
  await crm.goto(`${CRM_ORIGIN}/`);
  return crm;
}

const handoffAddress = (harness: HarnessProcess, link: string) => `${harness.origin}/dial-link?link=${encodeURIComponent(link)}`;

test('a tel: link clicked on another site reaches the open Dialdesk tab through the hand-over page, opens the lead, and never dials', async ({ page, harness }) => {
  await loadSample(page, harness);
  await page.getByRole('button', { name: 'Stats', exact: true }).click();
  const crm = await crmPage(page.context(), {
    'Ben Adler (the app’s own address)': `${harness.origin}/?link=${encodeURIComponent('tel:+1-404-555-0110')}`,
    'Ben Adler': handoffAddress(harness, 'tel:+1-404-555-0110'),
  });

  // The gap this page closes: from another site the session cookie stays home, so the app's own address is refused.
  const [refused] = await Promise.all([crm.waitForResponse((response) => response.url().startsWith(`${harness.origin}/?link=`)), crm.getByRole('link', { name: 'Ben Adler (the app’s own address)' }).click()]);
  expect(refused.status()).toBe(403);
  await crm.goBack();

  await crm.getByRole('link', { name: 'Ben Adler', exact: true }).click();
  await expect(crm.getByRole('status')).toContainText('The link is open in your Dialdesk tab');
  await expect(crm.getByRole('status')).toContainText('Nothing was dialled');
  // The hand-over page keeps no link in its address, so a reload hands nothing over again.
  expect(new URL(crm.url()).search).toBe('');

  const lead = page.getByRole('complementary', { name: 'Ben Adler' });
  await expect(lead).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'from a tel: link' })).toContainText('Opened Ben Adler from a tel: link');
  await page.waitForTimeout(500);
  await expect(page.getByRole('region', { name: 'Current call' })).toHaveCount(0);
  await expect(lead).toContainText('No attempts yet.');
  await expect(lead.getByRole('button', { name: 'Dial' })).toBeEnabled();
  expect(harness.log).not.toMatch(/INVITE/);

  await crm.reload();
  await expect(crm.getByRole('status')).toContainText('carries no link');
  await crm.close();
});

test('a malformed link from another site is refused on the hand-over page and in the app, and a forged one only offers a lead', async ({ page, harness }) => {
  await loadSample(page, harness);
  const crm = await crmPage(page.context(), {
    flowers: handoffAddress(harness, 'tel:1-800-FLOWERS'),
    forged: handoffAddress(harness, 'sip:+13125550199@attacker.example;user=phone'),
    script: `${harness.origin}/dial-link?link=${encodeURIComponent('tel:<img src=x onerror=alert(1)>')}`,
  });

  await crm.getByRole('link', { name: 'flowers' }).click();
  await expect(crm.getByRole('alert')).toHaveText('Link not opened. This link cannot be opened: "1-800-FLOWERS" is not a phone number.');
  const alert = page.getByRole('alert').filter({ hasText: 'Link not opened' });
  await expect(alert).toContainText('"1-800-FLOWERS" is not a phone number.');
  await expect(page.getByRole('complementary')).toHaveClass(/lead-detail-empty/);
  await expect(page.getByText('15 leads')).toBeVisible();

  // Markup in a link is text, on both pages.
  await crm.goBack();
  await crm.getByRole('link', { name: 'script' }).click();
  await expect(crm.getByRole('alert')).toContainText('Link not opened.');
  await expect(crm.locator('img')).toHaveCount(0);
  await expect(page.locator('.dial-link img')).toHaveCount(0);

  // A link some site forged at most offers to create a lead: nothing is created or dialled without the rep.
  await crm.goBack();
  await crm.getByRole('link', { name: 'forged' }).click();
  await expect(crm.getByRole('status')).toContainText('The link is open in your Dialdesk tab');
  await expect(page.getByRole('status').filter({ hasText: 'No lead has +13125550199' })).toBeVisible();
  await page.waitForTimeout(500);
  await expect(page.getByText('15 leads')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Current call' })).toHaveCount(0);
  expect(harness.log).not.toMatch(/INVITE/);
  await crm.close();
});

test('with no Dialdesk tab open, the hand-over page says so and opens Dialdesk with the link on the rep’s click', async ({ page, harness }) => {
  await loadSample(page, harness);
  const context = page.context();
  await page.close();
  const crm = await crmPage(context, { 'Ben Adler': handoffAddress(harness, 'tel:+1-404-555-0110') });
  await crm.getByRole('link', { name: 'Ben Adler' }).click();
  await expect(crm.getByRole('status')).toContainText('No Dialdesk tab answered in this browser', { timeout: 10_000 });
  // Nothing reached the core on its own: the rep's click on this page (same site: the session cookie goes) opens the app.
  await crm.getByRole('link', { name: 'Open Dialdesk here with this link' }).click();
  const lead = crm.getByRole('complementary', { name: 'Ben Adler' });
  await expect(lead).toBeVisible();
  await expect(crm.getByRole('status').filter({ hasText: 'from a tel: link' })).toContainText('nothing was dialled');
  await expect(lead).toContainText('No attempts yet.');
  await expect.poll(() => new URL(crm.url()).searchParams.has('link')).toBe(false);
  await expect(crm.getByRole('region', { name: 'Current call' })).toHaveCount(0);
});

test('with Dialdesk in two tabs, the tab that holds the line answers the hand-over page; the replaced one opens nothing', async ({ page, harness }) => {
  await loadSample(page, harness);
  // A second tab takes the line over (one page at a time runs the call audio); the first is disconnected.
  const current = await page.context().newPage();
  await current.goto(`${harness.origin}/`);
  await expect(current.getByText('15 leads')).toBeVisible();
  await current.getByRole('button', { name: 'Stats', exact: true }).click();

  const crm = await crmPage(page.context(), { 'Ben Adler': handoffAddress(harness, 'tel:+1-404-555-0110') });
  await crm.getByRole('link', { name: 'Ben Adler' }).click();
  await expect(crm.getByRole('status')).toContainText('The link is open in your Dialdesk tab');
  await expect(current.getByRole('complementary', { name: 'Ben Adler' })).toBeVisible();
  await expect(current.getByRole('status').filter({ hasText: 'from a tel: link' })).toContainText('nothing was dialled');
  // The replaced tab could not reach Dialdesk: it opened no lead and says why.
  await expect(page.getByRole('alert').filter({ hasText: 'Link not opened' })).toContainText('opened in another tab');
  await expect(page.getByRole('complementary', { name: 'Ben Adler' })).toHaveCount(0);
  await expect(current.getByRole('region', { name: 'Current call' })).toHaveCount(0);
  expect(harness.log).not.toMatch(/INVITE/);
  await crm.close();
});
