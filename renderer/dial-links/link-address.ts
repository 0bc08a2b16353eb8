/**
 * The web shell's click-to-dial handler address. The browser opens
 * `…/?token=T&link=tel%3A%2B1…` for a tel: or sip: link once the rep let
 * Dialdesk handle them (Settings); the page reads the link from there and
 * takes it out of the address bar, so a reload does not open it again.
 */
export const LINK_PARAM = 'link';

/** The schemes a browser lets a page handle that Dialdesk reads (the HTML standard's safelist has tel and sip; callto is not on it). */
export const BROWSER_LINK_SCHEMES = ['tel', 'sip'] as const;

/**
 * `origin/?token=T&link=%s`: the handler URL, behind the web shell's token like every page of it.
 * A page opened without a token in its address (a shell that authenticates the browser another
 * way) registers `origin/?link=%s` and leaves the check to that shell.
 */
export function handlerUrl(location: Pick<Location, 'origin' | 'search'>): string {
  const token = new URLSearchParams(location.search).get('token');
  return token ? `${location.origin}/?token=${encodeURIComponent(token)}&${LINK_PARAM}=%s` : `${location.origin}/?${LINK_PARAM}=%s`;
}

/** The link in this page's address, and the address without it. */
export function linkInAddress(href: string): { link: string | null; rest: string } {
  const url = new URL(href);
  const link = url.searchParams.get(LINK_PARAM);
  url.searchParams.delete(LINK_PARAM);
  return { link, rest: url.href };
}
