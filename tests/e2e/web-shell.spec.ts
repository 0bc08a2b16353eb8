import { expect, test } from './harness-fixture.js';

/**
 * The web shell as a browser meets it: the printed address opens the app, and
 * nothing else does — not the address without its token, not a page on
 * another origin, not a socket without the token.
 */
test('the page needs the token; a foreign Host or Origin and a socket without the token are refused', async ({ page, harness, browser }) => {
  await page.goto(harness.url);
  await expect(page.getByRole('heading', { name: 'Welcome to Dialdesk' })).toBeVisible();

  const withoutToken = await page.request.get(`${harness.origin}/`);
  expect(withoutToken.status()).toBe(403);
  const foreignHost = await page.request.get(harness.url, { headers: { host: `rebound.example:${new URL(harness.url).port}` } });
  expect(foreignHost.status()).toBe(403);
  const foreignOrigin = await page.request.get(harness.url, { headers: { origin: 'http://attacker.example' } });
  expect(foreignOrigin.status()).toBe(403);

  // From the shell's own origin (its refusal page, in a separate page so the app's console stays clean):
  // a socket without the token, or with a wrong one, never opens.
  const probe = await browser.newPage();
  expect((await probe.goto(`${harness.origin}/`))?.status()).toBe(403);
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
    return {
      none: await attempt(`ws://${location.host}/api`),
      wrong: await attempt(`ws://${location.host}/api?token=${token.slice(2)}xx`),
    };
  }, harness.token);
  expect(sockets).toEqual({ none: 'refused', wrong: 'refused' });
  await probe.close();

  // A page on another origin (here a blank page the test gives its own address) cannot open the socket, token or not.
  const other = await browser.newPage();
  await other.route('http://attacker.example/', (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>x</title>' }));
  await other.goto('http://attacker.example/').catch(() => undefined);
  const fromOtherOrigin = await other.evaluate(
    (url) =>
      new Promise<string>((resolve) => {
        const socket = new WebSocket(url);
        socket.onopen = () => resolve('open');
        socket.onerror = () => resolve('refused');
      }),
    `ws://127.0.0.1:${new URL(harness.url).port}/api?token=${harness.token}`,
  );
  expect(fromOtherOrigin).toBe('refused');
  await other.close();

  expect(harness.log).toMatch(/refused a socket: missing or wrong token/);
  // The app's own page still works: its socket carries the token.
  await page.getByRole('button', { name: 'Load sample leads' }).click();
  await expect(page.getByText('15 leads')).toBeVisible();
});

test('with no system keyring, the Phone screen says a password is kept only until Dialdesk stops', async ({ page, harness }) => {
  await page.goto(harness.url);
  await page.getByRole('button', { name: 'Phone', exact: true }).click();
  const form = page.getByRole('form', { name: 'Phone account' });
  await expect(form.getByRole('note')).toHaveText(/kept only until Dialdesk stops/);
});
