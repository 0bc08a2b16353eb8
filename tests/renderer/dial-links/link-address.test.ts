import { describe, expect, it } from 'vitest';
import { BROWSER_LINK_SCHEMES, handlerUrl, linkInAddress } from '../../../renderer/dial-links/link-address.js';

describe('the web shell’s link handler address', () => {
  it('is the page’s own origin and token with %s for the link, only for the schemes a browser lets a page handle', () => {
    expect(handlerUrl({ origin: 'http://127.0.0.1:4700', search: '?token=abc_-1' })).toBe('http://127.0.0.1:4700/?token=abc_-1&link=%s');
    expect(handlerUrl({ origin: 'http://127.0.0.1:4700', search: '' })).toBe('http://127.0.0.1:4700/?link=%s');
    expect(BROWSER_LINK_SCHEMES).toEqual(['tel', 'sip']);
  });

  it('reads the link the browser put in the address, once encoded, and gives the address back without it', () => {
    const { link, rest } = linkInAddress('http://127.0.0.1:4700/?token=abc&link=tel%3A%2B1-212-555-0147%3Bext%3D12');
    expect(link).toBe('tel:+1-212-555-0147;ext=12');
    expect(rest).toBe('http://127.0.0.1:4700/?token=abc');
    expect(linkInAddress('http://127.0.0.1:4700/?token=abc')).toEqual({ link: null, rest: 'http://127.0.0.1:4700/?token=abc' });
  });
});
