import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { createEventHub } from '../../main/core/api/event-hub.js';
import type { DialdeskEvent } from '../../shared/contract/index.js';
import { fail, ok, type Result } from '../../shared/result.js';
import { createSocketApi } from '../../renderer/api/socket-api.js';
import { startHarness, type Harness } from './harness-server.js';

/** The harness transport end to end: the renderer's socket client against the harness server with a stub core. */
describe('harness server + renderer socket client', () => {
  let dir: string;
  let harness: Harness;
  const events = createEventHub();
  const calls: { name: unknown; input: unknown }[] = [];
  const dispatch = async (name: unknown, input: unknown): Promise<Result<unknown>> => {
    calls.push({ name, input });
    if (name === 'getStatus') return ok({ leadCount: 3 });
    return fail('invalid-input', `Unknown call: ${String(name)}`);
  };

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dialdesk-harness-test-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Dialdesk</title>');
    writeFileSync(join(dir, 'app.js'), 'export {};');
    writeFileSync(join(tmpdir(), 'dialdesk-harness-secret.txt'), 'secret');
    harness = await startHarness({ core: { dispatch, events }, staticDir: dir, port: 0 });
    (globalThis as { WebSocket?: unknown }).WebSocket = WebSocket;
    calls.length = 0;
  });

  afterEach(async () => {
    await harness.close();
    rmSync(dir, { recursive: true, force: true });
    rmSync(join(tmpdir(), 'dialdesk-harness-secret.txt'), { force: true });
  });

  it('answers each call with the core’s Result, by id', async () => {
    const api = createSocketApi(`ws://127.0.0.1:${harness.port}/api`);
    const [status, settings] = await Promise.all([api.getStatus({}), api.getSettings({})]);
    expect(status).toEqual({ ok: true, value: { leadCount: 3 } });
    expect(settings).toEqual({ ok: false, error: { code: 'invalid-input', message: 'Unknown call: getSettings' } });
    expect(calls).toEqual([
      { name: 'getStatus', input: {} },
      { name: 'getSettings', input: {} },
    ]);
  });

  it('pushes core events to the page, and the disposer stops them', async () => {
    const api = createSocketApi(`ws://127.0.0.1:${harness.port}/api`);
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

  it('answers "unavailable" instead of hanging when the harness is gone', async () => {
    await harness.close();
    const api = createSocketApi(`ws://127.0.0.1:${harness.port}/api`);
    const result = await api.getStatus({});
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('unavailable');
  });

  it('refuses sockets from another origin', async () => {
    const socket = new WebSocket(`ws://127.0.0.1:${harness.port}/api`, { origin: 'http://evil.example' });
    const outcome = await new Promise<string>((resolve) => {
      socket.on('open', () => resolve('open'));
      socket.on('error', (error) => resolve(error.message));
    });
    expect(outcome).toMatch(/403/);
  });

  it('serves the build and nothing outside it', async () => {
    const index = await fetch(`${harness.url}/`);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toContain('text/html');
    const script = await fetch(`${harness.url}/app.js`);
    expect(script.headers.get('content-type')).toContain('text/javascript');
    expect((await fetch(`${harness.url}/missing.js`)).status).toBe(404);
    const escape = await fetch(`${harness.url}/..%2fdialdesk-harness-secret.txt`);
    expect([403, 404]).toContain(escape.status);
    expect(await escape.text()).not.toContain('secret');
  });
});
