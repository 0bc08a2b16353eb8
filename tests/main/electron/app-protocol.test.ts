import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createFakeElectron } from './fake-electron.js';

vi.mock('electron', () => createFakeElectron());
const { rendererResponse } = await import('../../../main/electron/app-protocol.js');

describe('the app:// protocol', () => {
  const root = mkdtempSync(join(tmpdir(), 'dialdesk-renderer-'));
  const renderer = join(root, 'renderer');
  mkdirSync(join(renderer, 'assets'), { recursive: true });
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Dialdesk</title>');
  writeFileSync(join(renderer, 'assets', 'index-abc.js'), 'console.log(1)');
  writeFileSync(join(root, 'secret.txt'), 'not for the page');
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const csp = "default-src 'none'; script-src 'self'";

  it('serves the built renderer with its type, the CSP and nosniff', async () => {
    const index = await rendererResponse(renderer, 'app://dialdesk/', csp);
    expect(index.status).toBe(200);
    expect(await index.text()).toContain('<title>Dialdesk</title>');
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(index.headers.get('content-security-policy')).toBe(csp);
    expect(index.headers.get('x-content-type-options')).toBe('nosniff');
    const script = await rendererResponse(renderer, 'app://dialdesk/assets/index-abc.js?v=1#x', csp);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('serves nothing outside the renderer folder, and nothing for another host', async () => {
    expect((await rendererResponse(renderer, 'app://dialdesk/../secret.txt', csp)).status).toBe(404);
    expect((await rendererResponse(renderer, 'app://dialdesk/..%2Fsecret.txt', csp)).status).toBe(403);
    expect((await rendererResponse(renderer, 'app://dialdesk/%2e%2e%2fsecret.txt', csp)).status).toBe(403);
    expect((await rendererResponse(renderer, 'app://other/index.html', csp)).status).toBe(404);
    expect((await rendererResponse(renderer, 'app://dialdesk/missing.js', csp)).status).toBe(404);
    expect((await rendererResponse(renderer, 'app://dialdesk/%E0%A4%A', csp)).status).toBe(400);
  });

  it('follows no symbolic link out of the renderer folder', async () => {
    symlinkSync(join(root, 'secret.txt'), join(renderer, 'assets', 'linked.js'));
    symlinkSync(root, join(renderer, 'up'));
    for (const url of ['app://dialdesk/assets/linked.js', 'app://dialdesk/up/secret.txt']) {
      const response = await rendererResponse(renderer, url, csp);
      expect(response.status, url).toBe(404);
      expect(await response.text()).not.toContain('not for the page');
    }
  });
});
