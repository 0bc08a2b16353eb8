/**
 * The renderer's Content-Security-Policy, one source for both deliveries: the
 * `<meta>` the renderer build writes into index.html (vite.config.ts) and the
 * response header the Electron shell adds (main/electron/csp.ts). Strict, and
 * only what the app needs: its own scripts and styles (no inline code, no
 * eval), `data:` images, call audio from blob:/mediastream:, no fonts, workers,
 * frames, plugins, forms or base changes. Signalling runs in main, so the
 * Electron page connects nowhere; the harness page talks to its own WebSocket.
 */

/**
 * Where the policy is delivered. The header also names object-src, frame-src
 * and frame-ancestors: the first two only repeat default-src 'none' (spelt out
 * for readers and scanners of the header), the last is ignored in a `<meta>`
 * tag, where browsers warn about it.
 */
export type CspDelivery = 'meta' | 'header';

export function contentSecurityPolicy(options: { connect: readonly string[]; delivery: CspDelivery }): string {
  const directives = [
    "default-src 'none'",
    "script-src 'self'",
    // React's style props are set through CSSOM, which CSP does not block; no inline <style> needed.
    "style-src 'self'",
    "img-src 'self' data:",
    // Call audio: the remote stream and the rep's microphone.
    "media-src 'self' blob: mediastream:",
    `connect-src ${options.connect.length > 0 ? options.connect.join(' ') : "'none'"}`,
    "base-uri 'none'",
    "form-action 'none'",
  ];
  if (options.delivery === 'header') directives.push("object-src 'none'", "frame-src 'none'", "frame-ancestors 'none'");
  return directives.join('; ');
}
