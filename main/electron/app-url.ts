/**
 * The renderer is served from the app's own scheme, `app://dialdesk/…`
 * (app-protocol.ts), not `file://`: so the CSP's 'self' means the app and
 * nothing else on disk, and a URL belongs to the app only when it is on that
 * origin. Any other file, scheme or host is someone else's page.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'dialdesk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

export function isAppUrl(url: string | undefined | null): boolean {
  if (!url) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.username === '' && parsed.password === '' && parsed.port === '';
}
