import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** What a request must match to reach the web shell. */
export interface Gate {
  /** `127.0.0.1:PORT`, the only Host accepted. */
  host: string;
  /** `http://127.0.0.1:PORT`, the only Origin accepted. */
  origin: string;
  token: string;
}

/**
 * Why a request may not reach the web shell, or null when it may.
 *
 * - Host must be this server's own address and port: a page on a rebound DNS
 *   name (attacker.example → 127.0.0.1) sends its own name and is refused.
 * - Origin, when the browser sends one, must be this server's: another site
 *   cannot use the user's browser to call the core. A socket must send it
 *   (every browser does).
 * - The token, from the printed URL, must be in the query (`?token=`) or be the
 *   path's first segment (the page's own files, linked as `/TOKEN/…`).
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
  if (kind === 'socket') {
    if (url.pathname !== '/api') return 'no such socket';
    return tokenMatches(url.searchParams.get('token'), gate.token) ? null : 'missing or wrong token';
  }
  if (tokenMatches(url.searchParams.get('token'), gate.token)) return null;
  const firstSegment = url.pathname.split('/')[1] ?? '';
  return tokenMatches(firstSegment, gate.token) ? null : 'missing or wrong token: open the address Dialdesk printed';
}

/** Constant-time comparison, so the token cannot be guessed a character at a time. */
export function tokenMatches(given: string | null, token: string): boolean {
  if (given === null) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}
