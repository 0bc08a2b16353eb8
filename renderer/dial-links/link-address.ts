import { DIAL_LINK_PATH, LINK_PARAM } from '../../shared/web-shell.js';

/** The schemes a browser lets a page handle that Dialdesk reads (the HTML standard's safelist has tel and sip; callto is not on it). */
export const BROWSER_LINK_SCHEMES = ['tel', 'sip'] as const;

/**
 * `origin/dial-link?link=%s`: the web shell's click-to-dial handler page. A
 * link clicked on another site (a CRM) arrives there without the
 * SameSite=Strict session cookie; the page needs none, and hands the link to
 * the open Dialdesk tab (link-handoff.ts, answered by dial-link-layer.tsx).
 */
export function handlerUrl(location: Pick<Location, 'origin'>): string {
  return `${location.origin}${DIAL_LINK_PATH}?${LINK_PARAM}=%s`;
}

/**
 * The link in this page's own address (`/?link=…`: the handler page's "open
 * Dialdesk here" when no tab answered), and the address without it, so a
 * reload does not open it again.
 */
export function linkInAddress(href: string): { link: string | null; rest: string } {
  const url = new URL(href);
  const link = url.searchParams.get(LINK_PARAM);
  url.searchParams.delete(LINK_PARAM);
  return { link, rest: url.href };
}
