import { request as httpRequest } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { WebSocket } from 'ws';
import { createEventHub } from '../../../main/core/api/event-hub.js';
import { startWebServer, SUPERSEDED_CLOSE_CODE, type WebServer } from '../../../main/web/web-server.js';
import type { DialdeskEvent } from '../../../shared/contract/index.js';
import { contentSecurityPolicy } from '../../../shared/csp.js';
import { fail, ok, type Result } from '../../../shared/result.js';
import { createSocketApi } from '../../../renderer/api/socket-api.js';

const INDEX = `<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; connect-src &#39;self&#39; ws://127.0.0.1:*">
<link rel="icon" href="./assets/icon.svg"><script type="module" crossorigin src="./assets/app.js"></script></head><body></body></html>`;

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

/** The browser's WebSocket as the page has it: it always sends the page's Origin. */
function pageWebSocket(origin: string) {
  return class extends WebSocket {
    constructor(url: string) {
      super(url, { origin });
    }
  };
}

describe('web shell server', () => {
  let dir: string;
  let server: WebServer;
  const events = createEventHub();
  const calls: { name: unknown; input: unknown }[] = [];
  const dispatch = async (name: unknown, input: unknown): Promise<Result<unknown>> => {
    calls.push({ name, input });
    if (name === 'getStatus') return ok({ leadCount: 3 });
    return fail('invalid-input', `Unknown call: ${String(name)}`);
  };
  const apiUrl = () => `ws://127.0.0.1:${server.port}/api?token=${server.token}`;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dialdesk-web-test-'));
    mkdirSync(join(dir, 'build', 'assets'), { recursive: true });
    writeFileSync(join(dir, 'build', 'index.html'), INDEX);
    writeFileSync(join(dir, 'build', 'assets', 'app.js'), 'export {};');
    writeFileSync(join(dir, 'secret.txt'), 'secret');
    server = await startWebServer({ core: { dispatch, events }, staticDir: join(dir, 'build'), port: 0 });
    (globalThis as { WebSocket?: unknown }).WebSocket = pageWebSocket(server.origin);
    calls.length = 0;
  });

  afterEach(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints its address with a fresh random token', async () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${server.token}`);
    expect(server.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const other = await startWebServer({ core: { dispatch, events }, staticDir: join(dir, 'build'), port: 0 });
    expect(other.token).not.toBe(server.token);
    await other.close();
  });

  it('serves the page with the token, its files under the token path, and the CSP pinned to its port', async () => {
    const page = await get(server.port, `/?token=${server.token}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain(`src="./${server.token}/assets/app.js"`);
    expect(page.body).toContain(`href="./${server.token}/assets/icon.svg"`);
    expect(page.body).toContain(`ws://127.0.0.1:${server.port}`);
    expect(page.body).not.toContain('ws://127.0.0.1:*');
    expect(page.headers['content-security-policy']).toBe(
      contentSecurityPolicy({ connect: ["'self'", `ws://127.0.0.1:${server.port}`], delivery: 'header' }),
    );
    expect(page.headers['content-security-policy']).toContain(`connect-src 'self' ws://127.0.0.1:${server.port};`);
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    const script = await get(server.port, `/${server.token}/assets/app.js`);
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toContain('text/javascript');
    expect((await get(server.port, `/${server.token}/assets/missing.js`)).status).toBe(404);
  });

  it('refuses the page and its files without the token, or with a wrong one', async () => {
    for (const path of ['/', '/index.html', '/assets/app.js', `/?token=${server.token.slice(1)}x`, `/${'A'.repeat(43)}/assets/app.js`, '/?token=']) {
      const response = await get(server.port, path);
      expect(response.status, path).toBe(403);
      expect(response.body, path).not.toContain('<html');
    }
  });

  it('refuses a request with a foreign Host (DNS rebinding) or a foreign Origin, even with the token', async () => {
    const path = `/?token=${server.token}`;
    for (const host of ['attacker.example', `attacker.example:${server.port}`, `localhost:${server.port}`, `127.0.0.1:${server.port + 1}`, '127.0.0.1']) {
      expect((await get(server.port, path, { host })).status, host).toBe(403);
    }
    expect((await get(server.port, path, { origin: 'http://attacker.example' })).status).toBe(403);
    expect((await get(server.port, path, { origin: `http://127.0.0.1:${server.port + 1}` })).status).toBe(403);
    expect((await get(server.port, path, { origin: server.origin })).status).toBe(200);
  });

  it('refuses a socket without the token, with a wrong one, from another origin or Host, or without an Origin', async () => {
    const base = `ws://127.0.0.1:${server.port}/api`;
    expect(await trySocket(base, { origin: server.origin })).toMatch(/403/);
    expect(await trySocket(`${base}?token=wrong`, { origin: server.origin })).toMatch(/403/);
    expect(await trySocket(apiUrl(), { origin: 'http://attacker.example' })).toMatch(/403/);
    expect(await trySocket(apiUrl(), { origin: server.origin, headers: { host: `attacker.example:${server.port}` } })).toMatch(/403/);
    expect(await trySocket(apiUrl(), {})).toMatch(/403/);
    expect(await trySocket(`ws://127.0.0.1:${server.port}/other?token=${server.token}`, { origin: server.origin })).toMatch(/403/);
    expect(await trySocket(apiUrl(), { origin: server.origin })).toBe('open');
    expect(calls).toEqual([]);
  });

  it('answers each call with the core’s Result, by id', async () => {
    const api = createSocketApi(apiUrl());
    const [status, settings] = await Promise.all([api.getStatus({}), api.getSettings({})]);
    expect(status).toEqual({ ok: true, value: { leadCount: 3 } });
    expect(settings).toEqual({ ok: false, error: { code: 'invalid-input', message: 'Unknown call: getSettings' } });
    expect(calls).toEqual([
      { name: 'getStatus', input: {} },
      { name: 'getSettings', input: {} },
    ]);
  });

  it('pushes core events to the page, and the disposer stops them', async () => {
    const api = createSocketApi(apiUrl());
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
    const first = createSocketApi(apiUrl());
    expect((await first.getStatus({})).ok).toBe(true);
    const second = createSocketApi(apiUrl());
    expect((await second.getStatus({})).ok).toBe(true);
    // A call racing the close frame may be dropped; once the close is in, every call says why.
    await vi.waitFor(async () => {
      const stale = await first.getStatus({});
      expect(stale.ok ? 'answered' : stale.error.message).toMatch(/opened in another tab/);
    });
    expect(await second.getStatus({})).toEqual({ ok: true, value: { leadCount: 3 } });
    expect(SUPERSEDED_CLOSE_CODE).toBe(4001);
  });

  it('answers "unavailable" instead of hanging when the shell is gone', async () => {
    await server.close();
    const api = createSocketApi(apiUrl());
    const result = await api.getStatus({});
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('unavailable');
  });

  it('serves nothing outside the build', async () => {
    for (const path of [`/${server.token}/..%2fsecret.txt`, `/${server.token}/../secret.txt`, `/${server.token}/%2e%2e/secret.txt`]) {
      const escape = await get(server.port, path);
      expect([403, 404], path).toContain(escape.status);
      expect(escape.body).not.toContain('secret');
    }
  });

  it('refuses to start without a renderer build', async () => {
    await expect(startWebServer({ core: { dispatch, events }, staticDir: join(dir, 'none'), port: 0 })).rejects.toThrow(/build:renderer:web/);
  });
});
