import { describe, expect, it } from 'vitest';
import { BROWSER_LINK_SCHEMES, handlerUrl, linkInAddress } from '../../../renderer/dial-links/link-address.js';

describe('the web shell’s link handler address', () => {
  it('is the sessionless handler page on the page’s own origin with %s for the link, only for the schemes a browser lets a page handle', () => {
    expect(handlerUrl({ origin: 'http://127.0.0.1:4700' })).toBe('http://127.0.0.1:4700/dial-link?link=%s');
    // Never a launch code in it: a registered handler outlives the one-time code, and the page needs no session.
    expect(handlerUrl({ origin: 'http://127.0.0.1:4700', search: '?token=abc_-1' } as Pick<Location, 'origin'>)).not.toContain('token');
    expect(BROWSER_LINK_SCHEMES).toEqual(['tel', 'sip']);
  });

  it('reads the link the browser put in the address, once encoded, and gives the address back without it', () => {
    const { link, rest } = linkInAddress('http://127.0.0.1:4700/?token=abc&link=tel%3A%2B1-212-555-0147%3Bext%3D12');
    expect(link).toBe('tel:+1-212-555-0147;ext=12');
    expect(rest).toBe('http://127.0.0.1:4700/?token=abc');
    expect(linkInAddress('http://127.0.0.1:4700/?token=abc')).toEqual({ link: null, rest: 'http://127.0.0.1:4700/?token=abc' });
  });
});
