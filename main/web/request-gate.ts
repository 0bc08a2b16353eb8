import type { IncomingMessage } from 'node:http';

/** Where a request must come from to reach the web shell. */
export interface Gate {
  /** `127.0.0.1:PORT`, the only Host accepted. */
  host: string;
  /** `http://127.0.0.1:PORT`, the only Origin accepted. */
  origin: string;
}

/**
 * Why a request may not reach the web shell, or null when it may. This is
 * where it comes from; what it carries (a launch code, a session cookie) is
 * checked by the server (web-server.ts).
 *
 * - Host must be this server's own address and port: a page on a rebound DNS
 *   name (attacker.example → 127.0.0.1) sends its own name and is refused.
 * - Origin, when the browser sends one, must be this server's: another site
 *   cannot use the user's browser to call the core. A socket must send it
 *   (every browser does), and open `/api`.
 */
export function refusalOf(request: IncomingMessage, gate: Gate, kind: 'http' | 'socket'): string | null {
  if (request.headers.host !== gate.host) return `Host must be ${gate.host}`;
  const origin = request.headers.origin;
  if (origin !== undefined && origin !== gate.origin) return `Origin ${origin} is not ${gate.origin}`;
  if (kind === 'socket' && origin === undefined) return 'a socket must come from the page (no Origin)';
  let url: URL;
  try {
    url = new URL(request.url ?? '/', gate.origin);
  } catch {
    return 'unreadable request path';
  }
  if (kind === 'socket' && url.pathname !== '/api') return 'no such socket';
  return null;
}
