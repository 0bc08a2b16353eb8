import { request as httpRequest } from 'node:http';
import { createHmac } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { createEventHub } from '../../../main/core/api/event-hub.js';
import { startWebServer, SUPERSEDED_CLOSE_CODE, type WebServer } from '../../../main/web/web-server.js';
import type { DialdeskEvent } from '../../../shared/contract/index.js';
import { contentSecurityPolicy } from '../../../shared/csp.js';
import { fail, ok, type Result } from '../../../shared/result.js';
import { columnMappingSchema, leadsCalls } from '../../../shared/contract/leads.js';
import { HELLO_CONTEXT, MAX_IN_FLIGHT, MAX_MESSAGE_BYTES, PAGE_KEY_META } from '../../../shared/web-shell.js';
import { createSocketApi } from '../../../renderer/api/socket-api.js';

const INDEX = `<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; connect-src &#39;self&#39; ws://127.0.0.1:*">
<link rel="icon" href="./assets/icon.svg"><script type="module" crossorigin src="./assets/app.js"></script></head><body></body></html>`;

/** The click-to-dial handler page as the build writes it: its script, the chunk it shares with the app, its style. */
const DIAL_LINK_PAGE = `<!doctype html><html><head><title>Dialdesk · click-to-dial link</title>
<script type="module" crossorigin src="./assets/dial-link.js"></script><link rel="modulepreload" crossorigin href="./assets/shared.js">
<link rel="stylesheet" crossorigin href="./assets/dial-link.css"></head><body><p id="handoff-status" role="status"></p></body></html>`;

/** A raw HTTP GET with exactly the headers given (fetch would set Host and forbid changing it). */
function get(port: number, path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, headers: { host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Opens a socket; resolves 'open' or the refusal's message. */
function trySocket(url: string, options: { origin?: string; headers?: Record<string, string> }): Promise<string> {
  const socket = new WebSocket(url, options);
  return new Promise((resolve) => {
    socket.on('open', () => {
      socket.close();
      resolve('open');
    });
    socket.on('error', (error) => resolve(error.message));
  });
}

/** The browser's WebSocket as the page has it: it always sends the page's Origin, and the browser adds the session cookie. */
function pageWebSocket(origin: string, cookie: () => string) {
  return class extends WebSocket {
    constructor(url: string) {
      super(url, { origin, headers: { cookie: cookie() } });
    }
  };
}

/** A browser's first visit: spends the launch code; the session cookie (name=value) and the page key the page was given. */
async function launch(port: number, code: string): Promise<{ cookie: string; pageKey: string; setCookie: string }> {
  const page = await get(port, `/?token=${code}`);
  expect(page.status).toBe(200);
  const setCookie = String((page.headers['set-cookie'] as string[] | undefined)?.[0] ?? '');
  const pageKey = new RegExp(`<meta name="${PAGE_KEY_META}" content="([A-Za-z0-9_-]+)">`).exec(page.body)?.[1] ?? '';
  return { cookie: setCookie.split(';')[0] ?? '', pageKey, setCookie };
}

const challenge = () => 'c'.repeat(43);

describe('web shell server', () => {
  let dir: string;
  let server: WebServer;
  let session: { cookie: string; pageKey: string; setCookie: string };
  const events = createEventHub();
  const calls: { name: unknown; input: unknown }[] = [];
  let dispatchGate: Promise<void> | null = null;
  const dispatch = async (name: unknown, input: unknown): Promise<Result<unknown>> => {
    calls.push({ name, input });
    if (dispatchGate) await dispatchGate;
    if (name === 'getStatus') return ok({ leadCount: 3 });
    return fail('invalid-input', `Unknown call: ${String(name)}`);
  };
  const apiBase = () => `ws://127.0.0.1:${server.port}/api`;
  const apiUrl = () => `${apiBase()}?challenge=${challenge()}`;
  const withCookie = (cookie = session.cookie) => ({ origin: server.origin, headers: { cookie } });
  const pageApi = () => createSocketApi(apiBase(), { pageKey: session.pageKey });

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dialdesk-web-test-'));
    mkdirSync(join(dir, 'build', 'assets'), { recursive: true });
    writeFileSync(join(dir, 'build', 'index.html'), INDEX);
    writeFileSync(join(dir, 'build', 'assets', 'app.js'), 'export {};');
    writeFileSync(join(dir, 'build', 'dial-link.html'), DIAL_LINK_PAGE);
    for (const file of ['dial-link.js', 'shared.js', 'dial-link.css']) writeFileSync(join(dir, 'build', 'assets', file), '/* */');
    writeFileSync(join(dir, 'secret.txt'), 'secret');
    server = await startWebServer({ core: { dispatch, events }, staticDir: join(dir, 'build'), port: 0 });
    session = { cookie: '', pageKey: '', setCookie: '' };
    (globalThis as { WebSocket?: unknown }).WebSocket = pageWebSocket(server.origin, () => session.cookie);
    calls.length = 0;
    dispatchGate = null;
  });

  afterEach(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints its address with a fresh random one-time launch code', async () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${server.launchCode}`);
    expect(server.launchCode).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const other = await startWebServer({ core: { dispatch, events }, staticDir: join(dir, 'build'), port: 0 });
    expect(other.launchCode).not.toBe(server.launchCode);
    await other.close();
  });

  it('spends the launch code on the first visit: an HttpOnly, SameSite=Strict session cookie and the page; a second use is refused', async () => {
    session = await launch(server.port, server.launchCode);
    expect(session.setCookie).toMatch(new RegExp(`^dialdesk-session-${server.port}=[A-Za-z0-9_-]{43}; Path=/; HttpOnly; SameSite=Strict$`));
    expect(session.setCookie).not.toContain(server.launchCode);
    expect(session.pageKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(session.pageKey).not.toBe(session.cookie.split('=')[1]);

    const again = await get(server.port, `/?token=${server.launchCode}`);
    expect(again.status).toBe(403);
    expect(again.body).toContain('already used');
    expect(again.body).not.toContain('<html');
    expect(again.headers['set-cookie']).toBeUndefined();
    // The browser that spent it may open the spent address again: its cookie, not the code, lets it in.
    const reopened = await get(server.port, `/?token=${server.launchCode}`, { cookie: session.cookie });
    expect(reopened.status).toBe(200);
    expect(reopened.headers['set-cookie']).toBeUndefined();
  });

  it('serves the page and its files to the session, with the CSP pinned to its port', async () => {
    session = await launch(server.port, server.launchCode);
    const page = await get(server.port, '/', { cookie: session.cookie });
    expect(page.status).toBe(200);
    expect(page.body).toContain('src="./assets/app.js"');
    expect(page.body).toContain(`content="${session.pageKey}"`);
    expect(page.body).toContain(`ws://127.0.0.1:${server.port}`);
    expect(page.body).not.toContain('ws://127.0.0.1:*');
    expect(page.headers['content-security-policy']).toBe(
      contentSecurityPolicy({ connect: ["'self'", `ws://127.0.0.1:${server.port}`], delivery: 'header' }),
    );
    expect(page.headers['content-security-policy']).toContain(`connect-src 'self' ws://127.0.0.1:${server.port};`);
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    const script = await get(server.port, '/assets/app.js', { cookie: session.cookie });
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toContain('text/javascript');
    expect((await get(server.port, '/assets/missing.js', { cookie: session.cookie })).status).toBe(404);
  });

  it('refuses the page and its files without a session, with a wrong cookie or a wrong launch code', async () => {
    const wrongCookie = `dialdesk-session-${server.port}=${'A'.repeat(43)}`;
    for (const [path, cookie] of [
      ['/', undefined],
      ['/index.html', undefined],
      ['/assets/app.js', undefined],
      ['/', wrongCookie],
      ['/assets/app.js', wrongCookie],
      [`/?token=${server.launchCode.slice(1)}x`, undefined],
      ['/?token=', undefined],
      [`/assets/app.js?token=${server.launchCode}`, undefined],
    ] as const) {
      const response = await get(server.port, path, cookie ? { cookie } : {});
      expect(response.status, path).toBe(403);
      expect(response.body, path).not.toContain('<html');
    }
    // A HEAD does not spend the code either.
    const head = await new Promise<number>((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port: server.port, path: `/?token=${server.launchCode}`, method: 'HEAD', headers: { host: `127.0.0.1:${server.port}` } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(head).toBe(403);
    // None of those spent the code.
    expect((await get(server.port, `/?token=${server.launchCode}`)).status).toBe(200);
  });

  it('serves the click-to-dial handler page and its own files without a session, and nothing else: no cookie, no page key, no socket, never in a frame', async () => {
    const link = encodeURIComponent('tel:+1-404-555-0110');
    // What a cross-site navigation brings: no cookie (SameSite=Strict stays home), no Origin on a GET, a document.
    const page = await get(server.port, `/dial-link?link=${link}`, { 'sec-fetch-dest': 'document', 'sec-fetch-site': 'cross-site' });
    expect(page.status).toBe(200);
    expect(page.body).toBe(DIAL_LINK_PAGE);
    expect(page.headers['set-cookie']).toBeUndefined();
    expect(page.body).not.toContain(PAGE_KEY_META);
    expect(page.headers['content-security-policy']).toBe(contentSecurityPolicy({ connect: [], delivery: 'header' }));
    expect(page.headers['content-security-policy']).toContain("connect-src 'none'");
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(page.headers['x-frame-options']).toBe('DENY');
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    // Without Sec-Fetch headers (an older browser) too.
    expect((await get(server.port, '/dial-link')).status).toBe(200);
    for (const file of ['/assets/dial-link.js', '/assets/shared.js', '/assets/dial-link.css']) {
      expect((await get(server.port, file)).status, file).toBe(200);
    }
    // The app, its other files and its socket still need the session.
    for (const path of ['/', '/assets/app.js', '/assets/icon.svg', `/?link=${link}`, '/dial-link.html', '/dial-link/', `/assets/dial-link.js/../app.js`]) {
      expect((await get(server.port, path)).status, path).not.toBe(200);
    }
    expect(await trySocket(apiUrl(), { origin: server.origin })).toMatch(/403/);
    // Only as a page of its own: not as another site's frame, image or fetch.
    for (const destination of ['iframe', 'frame', 'image', 'empty', 'script']) {
      const refused = await get(server.port, `/dial-link?link=${link}`, { 'sec-fetch-dest': destination });
      expect(refused.status, destination).toBe(403);
      expect(refused.body, destination).not.toContain('<html');
    }
    // The same gate as every request: a rebound DNS name or another site's Origin is refused.
    expect((await get(server.port, `/dial-link?link=${link}`, { host: `attacker.example:${server.port}` })).status).toBe(403);
    expect((await get(server.port, `/dial-link?link=${link}`, { origin: 'http://attacker.example' })).status).toBe(403);
    // It reaches nothing in the core, and spends no launch code.
    expect(calls).toEqual([]);
    expect((await get(server.port, `/dial-link?token=${server.launchCode}`)).headers['set-cookie']).toBeUndefined();
    expect((await get(server.port, `/?token=${server.launchCode}`)).status).toBe(200);
  });

  it('refuses a request with a foreign Host (DNS rebinding) or a foreign Origin, even with the launch code, and does not spend it', async () => {
    const path = `/?token=${server.launchCode}`;
    for (const host of ['attacker.example', `attacker.example:${server.port}`, `localhost:${server.port}`, `127.0.0.1:${server.port + 1}`, '127.0.0.1']) {
      expect((await get(server.port, path, { host })).status, host).toBe(403);
    }
    expect((await get(server.port, path, { origin: 'http://attacker.example' })).status).toBe(403);
    expect((await get(server.port, path, { origin: `http://127.0.0.1:${server.port + 1}` })).status).toBe(403);
    expect((await get(server.port, path, { origin: server.origin })).status).toBe(200);
  });

  it('each further launch address (the one the shell gives the browser it opens) works once, beside the printed one', async () => {
    const forBrowser = new URL(server.newLaunchUrl());
    const code = forBrowser.searchParams.get('token')!;
    expect(forBrowser.origin).toBe(server.origin);
    expect(code).not.toBe(server.launchCode);
    expect((await get(server.port, `/?token=${code}`)).status).toBe(200);
    expect((await get(server.port, `/?token=${code}`)).status).toBe(403);
    expect((await get(server.port, `/?token=${server.launchCode}`)).status).toBe(200);
  });

  it('refuses a socket without the session cookie, with a wrong one, without a challenge, from another origin or Host, or without an Origin', async () => {
    session = await launch(server.port, server.launchCode);
    expect(await trySocket(apiUrl(), { origin: server.origin })).toMatch(/403/);
    expect(await trySocket(apiUrl(), withCookie(`dialdesk-session-${server.port}=wrong`))).toMatch(/403/);
    expect(await trySocket(`${apiBase()}?token=${server.launchCode}&challenge=${challenge()}`, { origin: server.origin })).toMatch(/403/);
    expect(await trySocket(apiBase(), withCookie())).toMatch(/403/);
    expect(await trySocket(`${apiBase()}?challenge=short`, withCookie())).toMatch(/403/);
    expect(await trySocket(apiUrl(), { ...withCookie(), origin: 'http://attacker.example' })).toMatch(/403/);
    expect(await trySocket(apiUrl(), { ...withCookie(), headers: { cookie: session.cookie, host: `attacker.example:${server.port}` } })).toMatch(/403/);
    expect(await trySocket(apiUrl(), { headers: { cookie: session.cookie } })).toMatch(/403/);
    expect(await trySocket(`ws://127.0.0.1:${server.port}/other?challenge=${challenge()}`, withCookie())).toMatch(/403/);
    expect(await trySocket(apiUrl(), withCookie())).toBe('open');
    expect(calls).toEqual([]);
  });

  it('opens every socket with its hello: the HMAC of the page’s challenge under the page key', async () => {
    session = await launch(server.port, server.launchCode);
    const socket = new WebSocket(apiUrl(), withCookie());
    const first = await new Promise<string>((resolve) => socket.once('message', (data) => resolve(String(data))));
    socket.close();
    const expected = createHmac('sha256', Buffer.from(session.pageKey, 'base64url')).update(`${HELLO_CONTEXT}${challenge()}`).digest('base64url');
    expect(JSON.parse(first)).toEqual({ hello: expected });
  });

  it('answers each call with the core’s Result, by id', async () => {
    session = await launch(server.port, server.launchCode);
    const api = pageApi();
    const [status, settings] = await Promise.all([api.getStatus({}), api.getSettings({})]);
    expect(status).toEqual({ ok: true, value: { leadCount: 3 } });
    expect(settings).toEqual({ ok: false, error: { code: 'invalid-input', message: 'Unknown call: getSettings' } });
    expect(calls).toEqual([
      { name: 'getStatus', input: {} },
      { name: 'getSettings', input: {} },
    ]);
  });

  it('a page whose server cannot answer its challenge (another program took the port) sends it nothing and takes none of its events', async () => {
    session = await launch(server.port, server.launchCode);
    const received: string[] = [];
    const impostor = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise<void>((resolve) => impostor.once('listening', () => resolve()));
    impostor.on('connection', (ws) => {
      ws.on('message', (data) => received.push(String(data)));
      ws.send(JSON.stringify({ hello: createHmac('sha256', 'a guess').update('x').digest('base64url') }));
      ws.send(JSON.stringify({ event: { type: 'leads.changed' } }));
    });
    const port = (impostor.address() as { port: number }).port;
    const api = createSocketApi(`ws://127.0.0.1:${port}/api`, { pageKey: session.pageKey });
    const events: unknown[] = [];
    api.onEvent((event) => events.push(event));
    const result = await api.getStatus({});
    expect(result.ok ? 'answered' : result.error.message).toMatch(/not the Dialdesk that opened this page/);
    // It stays off: a later call does not try again.
    expect((await api.getStatus({})).ok).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(received).toEqual([]);
    expect(events).toEqual([]);
    await new Promise<void>((resolve) => impostor.close(() => resolve()));
  });

  it('pushes core events to the page, and the disposer stops them', async () => {
    session = await launch(server.port, server.launchCode);
    const api = pageApi();
    await api.getStatus({});
    const received: DialdeskEvent[] = [];
    let dispose = () => {};
    const arrived = new Promise<void>((resolve) => {
      dispose = api.onEvent((event) => {
        received.push(event);
        resolve();
      });
    });
    events.emit({ type: 'leads.changed' });
    await arrived;
    dispose();
    events.emit({ type: 'settings.changed' });
    // The server answers in order, so once this reply is in, the second event has arrived too.
    await api.getStatus({});
    expect(received).toEqual([{ type: 'leads.changed' }]);
  });

  it('one page at a time: a newer page disconnects the older one, which stays off instead of taking the line back', async () => {
    session = await launch(server.port, server.launchCode);
    const first = pageApi();
    expect((await first.getStatus({})).ok).toBe(true);
    const second = pageApi();
    expect((await second.getStatus({})).ok).toBe(true);
    // A call racing the close frame may be dropped; once the close is in, every call says why.
    await vi.waitFor(async () => {
      const stale = await first.getStatus({});
      expect(stale.ok ? 'answered' : stale.error.message).toMatch(/opened in another tab/);
    });
    expect(await second.getStatus({})).toEqual({ ok: true, value: { leadCount: 3 } });
    expect(SUPERSEDED_CLOSE_CODE).toBe(4001);
  });

  it(`holds at most ${MAX_IN_FLIGHT} calls in flight per page; more are refused at once, not queued`, async () => {
    session = await launch(server.port, server.launchCode);
    let release = () => {};
    dispatchGate = new Promise<void>((resolve) => (release = resolve));
    const api = pageApi();
    const held = Array.from({ length: MAX_IN_FLIGHT }, () => api.getStatus({}));
    await vi.waitFor(() => expect(calls).toHaveLength(MAX_IN_FLIGHT));
    const extra = await api.getStatus({});
    expect(extra.ok ? 'answered' : extra.error).toMatchObject({ code: 'refused', message: expect.stringMatching(/Too many calls at once/) });
    expect(calls).toHaveLength(MAX_IN_FLIGHT);
    release();
    expect((await Promise.all(held)).every((result) => result.ok)).toBe(true);
    expect((await api.getStatus({})).ok).toBe(true);
  });

  it('takes the contract’s largest message and closes a socket that sends more', async () => {
    // The contract's largest input: a file upload at its schema's limit, with its envelope.
    const mapping = Object.fromEntries(Object.keys(columnMappingSchema.shape).map((key) => [key, key === 'phones' ? Array.from({ length: 10 }, () => 999_999_999) : 999_999_999]));
    const largest = { fileName: 'x'.repeat(260), contentBase64: 'A'.repeat(60_000_000), mapping };
    expect(leadsCalls.commitImport.input.safeParse(largest).success).toBe(true);
    expect(Buffer.byteLength(JSON.stringify({ id: Number.MAX_SAFE_INTEGER, call: 'commitImport', input: largest }))).toBeLessThanOrEqual(MAX_MESSAGE_BYTES);
    expect(Buffer.byteLength(JSON.stringify({ id: 1, call: 'importLeads', input: { fileName: largest.fileName, contentBase64: largest.contentBase64 } }))).toBeLessThanOrEqual(MAX_MESSAGE_BYTES);
    expect(MAX_MESSAGE_BYTES).toBeLessThan(61 * 1024 * 1024);

    session = await launch(server.port, server.launchCode);
    const socket = new WebSocket(apiUrl(), withCookie());
    await new Promise((resolve) => socket.once('message', resolve));
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    socket.send(Buffer.alloc(MAX_MESSAGE_BYTES + 1, 0x20));
    expect(await closed).toBe(1009);
    expect(calls).toEqual([]);
  });

  it('answers "unavailable" instead of hanging when the shell is gone', async () => {
    session = await launch(server.port, server.launchCode);
    await server.close();
    const api = pageApi();
    const result = await api.getStatus({});
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('unavailable');
  });

  it('serves nothing outside the build, a symbolic link out of it included', async () => {
    session = await launch(server.port, server.launchCode);
    symlinkSync(join(dir, 'secret.txt'), join(dir, 'build', 'assets', 'linked.js'));
    symlinkSync(dir, join(dir, 'build', 'up'));
    for (const path of ['/..%2fsecret.txt', '/../secret.txt', '/%2e%2e/secret.txt', '/assets/linked.js', '/up/secret.txt']) {
      const escape = await get(server.port, path, { cookie: session.cookie });
      expect([403, 404], path).toContain(escape.status);
      expect(escape.body).not.toContain('secret');
    }
  });

  it('refuses to start without a renderer build', async () => {
    await expect(startWebServer({ core: { dispatch, events }, staticDir: join(dir, 'none'), port: 0 })).rejects.toThrow(/build:renderer:web/);
  });
});
