import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isAppUrl } from '../../../main/electron/app-url.js';

const index = '/opt/Dialdesk/resources/app.asar/dist/renderer/index.html';
const indexUrl = pathToFileURL(index).href;

describe('isAppUrl', () => {
  it('accepts the app page with any hash route or query', () => {
    expect(isAppUrl(indexUrl, index)).toBe(true);
    expect(isAppUrl(`${indexUrl}#/leads/42`, index)).toBe(true);
    expect(isAppUrl(`${indexUrl}?debug=1`, index)).toBe(true);
  });

  it('rejects other pages, other schemes and garbage', () => {
    expect(isAppUrl(pathToFileURL('/opt/Dialdesk/resources/app.asar/dist/renderer/other.html').href, index)).toBe(false);
    expect(isAppUrl(pathToFileURL('/tmp/index.html').href, index)).toBe(false);
    expect(isAppUrl('https://example.com/opt/Dialdesk/resources/app.asar/dist/renderer/index.html', index)).toBe(false);
    expect(isAppUrl(`file://evil.example${new URL(indexUrl).pathname}`, index)).toBe(false);
    expect(isAppUrl('about:blank', index)).toBe(false);
    expect(isAppUrl('not a url', index)).toBe(false);
    expect(isAppUrl('', index)).toBe(false);
    expect(isAppUrl(undefined, index)).toBe(false);
  });

  it('is not fooled by path tricks', () => {
    expect(isAppUrl(`${indexUrl}/../index.html`, index)).toBe(true); // normalises to the same file
    expect(isAppUrl(`${indexUrl.replace('index.html', 'x/../../renderer/index.html')}`, index)).toBe(true);
    expect(isAppUrl(`${indexUrl.replace('/renderer/', '/renderer2/')}`, index)).toBe(false);
  });
});
