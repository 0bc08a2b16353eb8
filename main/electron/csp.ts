/**
 * The Content-Security-Policy main adds to every response the window loads.
 * The renderer's HTML carries a meta CSP too; the header is the backstop if
 * that tag is ever dropped. Both apply, so the stricter wins.
 *
 * `connectSources` are the extra origins the page may open (the SIP WebSocket
 * servers the rep configured, e.g. `wss://sip.example.com`); nothing else.
 */
export function contentSecurityPolicy(connectSources: readonly string[] = []): string {
  const connect = ["'self'", ...connectSources.filter(isSafeSource)];
  return [
    "default-src 'none'",
    "script-src 'self'",
    // React's style props are set through CSSOM, which CSP does not block; no inline <style> needed.
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    // Call audio: the remote stream and the rep's microphone.
    "media-src 'self' blob: mediastream:",
    `connect-src ${connect.join(' ')}`,
    "object-src 'none'",
    "frame-src 'none'",
    "worker-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Only ws/wss origins without spaces or quotes may be added: a setting must not widen the policy in other ways. */
function isSafeSource(source: string): boolean {
  return /^wss?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?$/.test(source);
}
