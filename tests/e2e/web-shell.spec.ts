import { expect, test, skipOnboarding } from './harness-fixture.js';

/**
 * The web shell as a browser meets it: the printed address opens the app once
 * (its launch code becomes an HttpOnly session cookie and leaves the address
 * bar), and nothing else does — not the spent address in another browser, not
 * the address without its code, not a page on another origin, not a socket
 * without the session.
 */
test('the launch code opens the app once and leaves the address bar; a foreign Host or Origin and a socket without the session are refused', async ({ page, harness, browser }) => {
  const response = await page.goto(harness.url);
  expect(response?.status()).toBe(200);
  await skipOnboarding(page);
  await expect(page.getByRole('heading', { name: 'Welcome to Dialdesk' })).toBeVisible();
  // After load the address bar, and so the history, holds no secret.
  expect(page.url()).toBe(`${harness.origin}/`);
  expect(await page.evaluate(() => location.href)).not.toContain(harness.token);
  const cookies = await page.context().cookies(harness.origin);
  expect(cookies.map(({ name, httpOnly, sameSite, path }) => ({ name, httpOnly, sameSite, path }))).toEqual([
    { name: `dialdesk-session-${new URL(harness.origin).port}`, httpOnly: true, sameSite: 'Strict', path: '/' },
  ]);
  expect(await page.evaluate(() => document.cookie)).toBe('');
  // The page key left the DOM once read.
  expect(await page.locator('meta[name="dialdesk-page-key"]').count()).toBe(0);

  // Another browser (a fresh context: no cookie) with the spent address, or with none, is refused.
  const stranger = await browser.newContext();
  const probe = await stranger.newPage();
  const spent = await probe.goto(harness.url);
  expect(spent?.status()).toBe(403);
  expect(await spent?.text()).toContain('already used');
  expect((await stranger.request.get(`${harness.origin}/`)).status()).toBe(403);
  const foreignHost = await stranger.request.get(`${harness.origin}/`, { headers: { host: `rebound.example:${new URL(harness.url).port}` } });
  expect(foreignHost.status()).toBe(403);
  const foreignOrigin = await page.request.get(`${harness.origin}/`, { headers: { origin: 'http://attacker.example' } });
  expect(foreignOrigin.status()).toBe(403);

  // From the shell's own origin, without the session (its refusal page, in a separate context so the app's
  // console stays clean): a socket never opens, with the spent launch code or without.
  const sockets = await probe.evaluate(async (token) => {
    const attempt = (url: string) =>
      new Promise<string>((resolve) => {
        const socket = new WebSocket(url);
        socket.onopen = () => {
          socket.close();
          resolve('open');
        };
        socket.onerror = () => resolve('refused');
      });
    const challenge = 'c'.repeat(43);
    return {
      none: await attempt(`ws://${location.host}/api?challenge=${challenge}`),
      spentCode: await attempt(`ws://${location.host}/api?token=${token}&challenge=${challenge}`),
    };
  }, harness.token);
  expect(sockets).toEqual({ none: 'refused', spentCode: 'refused' });
  await stranger.close();

  // A page on another origin (here a blank page the test gives its own address) in the app's own browser
  // cannot open the socket: the SameSite=Strict cookie stays home and the Origin is checked.
  const other = await page.context().newPage();
  await other.route('http://attacker.example/', (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>x</title>' }));
  await other.goto('http://attacker.example/').catch(() => undefined);
  const fromOtherOrigin = await other.evaluate(
    (url) =>
      new Promise<string>((resolve) => {
        const socket = new WebSocket(url);
        socket.onopen = () => resolve('open');
        socket.onerror = () => resolve('refused');
      }),
    `ws://127.0.0.1:${new URL(harness.url).port}/api?challenge=${'c'.repeat(43)}`,
  );
  expect(fromOtherOrigin).toBe('refused');
  await other.close();

  expect(harness.log).toMatch(/refused a socket: no session/);
  // The code is printed once (the running line) and never logged, spent or not.
  expect(harness.log.split(harness.token)).toHaveLength(2);
  // The app's own page still works, and a reload keeps it (the cookie, not the address, holds the session).
  await page.getByRole('button', { name: 'Load sample leads' }).click();
  await expect(page.getByText('15 leads')).toBeVisible();
  await page.reload();
  expect(page.url()).toBe(`${harness.origin}/`);
  await expect(page.getByText('15 leads')).toBeVisible();
});

test('with no system keyring, the Phone screen says a password is kept only until Dialdesk stops', async ({ page, harness }) => {
  await page.goto(harness.url);
  await page.getByRole('button', { name: 'Phone', exact: true }).click();
  const form = page.getByRole('form', { name: 'Phone account' });
  await expect(form.getByRole('note')).toHaveText(/kept only until Dialdesk stops/);
});
