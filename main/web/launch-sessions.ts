import { createHash, createHmac, randomBytes } from 'node:crypto';
import { HELLO_CONTEXT } from '../../shared/web-shell.js';

/** A browser that redeemed a launch code: its cookie and the key its page proves the server with. */
export interface WebSession {
  /** The cookie's value (HttpOnly: the page's script never sees it). */
  readonly cookie: string;
  /** Given to the page inside its HTML; the server answers the page's challenge with it (helloFor). */
  readonly pageKey: string;
}

/** 32 random bytes, URL-safe. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * The web shell's credentials, in two steps:
 *
 *   launch code ──redeem (once)──▶ session (cookie + page key)
 *
 * A launch code is what goes on a command line or a terminal (the browser's
 * argv, the printed line), where other users and screen shares can see it. It
 * opens the app once: redeeming it spends it, so whatever is seen later is
 * worthless. The session it becomes lives only in the browser's cookie jar
 * (HttpOnly, SameSite=Strict) and in this process; it dies with the process.
 *
 * Secrets are looked up by their SHA-256, so a lookup's timing says nothing
 * about the secret itself.
 */
export class LaunchSessions {
  private readonly unused = new Set<string>();
  private readonly spent = new Set<string>();
  private readonly sessions = new Map<string, WebSession>();

  /** A fresh one-time launch code. */
  issueCode(code: string = newSecret()): string {
    this.unused.add(digest(code));
    return code;
  }

  /**
   * Spends `code` and opens a session for it: `used` when it was spent before,
   * `unknown` when it was never issued.
   */
  redeem(code: string): WebSession | 'used' | 'unknown' {
    const key = digest(code);
    if (this.spent.has(key)) return 'used';
    if (!this.unused.delete(key)) return 'unknown';
    this.spent.add(key);
    const session: WebSession = { cookie: newSecret(), pageKey: newSecret() };
    this.sessions.set(digest(session.cookie), session);
    return session;
  }

  /** The session a cookie value belongs to, or null. */
  sessionOf(cookie: string | undefined): WebSession | null {
    if (!cookie) return null;
    return this.sessions.get(digest(cookie)) ?? null;
  }
}

/**
 * The server's answer to a page's challenge: HMAC-SHA256 over the page's nonce
 * with the page key. A process that took the port after Dialdesk stopped has
 * no key, so a page still open from before learns it is not its server before
 * it sends anything (renderer/api/socket-api.ts checks this).
 */
export function helloFor(session: WebSession, challenge: string): string {
  return createHmac('sha256', Buffer.from(session.pageKey, 'base64url')).update(`${HELLO_CONTEXT}${challenge}`).digest('base64url');
}

function digest(secret: string): string {
  return createHash('sha256').update(secret).digest('base64url');
}
