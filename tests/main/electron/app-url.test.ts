import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { APP_INDEX_URL, isAppUrl } from '../../../main/electron/app-url.js';

describe('isAppUrl', () => {
  it('accepts the app origin with any path, hash route or query', () => {
    expect(isAppUrl(APP_INDEX_URL)).toBe(true);
    expect(isAppUrl(`${APP_INDEX_URL}#/leads/42`)).toBe(true);
    expect(isAppUrl(`${APP_INDEX_URL}?debug=1`)).toBe(true);
    expect(isAppUrl('app://dialdesk/assets/index-abc.js')).toBe(true);
  });

  it('rejects files on disk, other schemes, other hosts and garbage', () => {
    expect(isAppUrl(pathToFileURL('/opt/Dialdesk/resources/app.asar/dist/renderer/index.html').href)).toBe(false);
    expect(isAppUrl('https://dialdesk/index.html')).toBe(false);
    expect(isAppUrl('app://evil.example/index.html')).toBe(false);
    expect(isAppUrl('app://dialdesk.evil.example/index.html')).toBe(false);
    expect(isAppUrl('app://user:pass@dialdesk/index.html')).toBe(false);
    expect(isAppUrl('app://dialdesk:8080/index.html')).toBe(false);
    expect(isAppUrl('about:blank')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
    expect(isAppUrl('')).toBe(false);
    expect(isAppUrl(undefined)).toBe(false);
  });
});
