import { contentSecurityPolicy as policy } from '../../shared/csp.js';

/**
 * The Content-Security-Policy main adds to every response the window loads:
 * the same policy as the renderer's meta tag (shared/csp.ts); the header is
 * the backstop if that tag is ever dropped. Both apply, so the stricter wins.
 *
 * `connectSources` may add origins the page may open (ws/wss only). The app
 * passes none today: SIP signalling runs in main, not in the page.
 */
export function contentSecurityPolicy(connectSources: readonly string[] = []): string {
  return policy({ connect: ["'self'", ...connectSources.filter(isSafeSource)], delivery: 'header' });
}

/** Only ws/wss origins without spaces or quotes may be added: a setting must not widen the policy in other ways. */
function isSafeSource(source: string): boolean {
  return /^wss?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?$/.test(source);
}
