/**
 * What the web shell's server (main/web) and its page (renderer/api) agree on
 * beyond the contract: how the page proves it reached the Dialdesk that served
 * it, and how much one socket may carry.
 */

/** The `<meta name=…>` the server writes the session's page key into; the page reads it once. */
export const PAGE_KEY_META = 'dialdesk-page-key';

/** The page's socket URL carries its challenge as `?challenge=`: 16–64 random bytes, base64url. */
export const CHALLENGE_PATTERN = /^[A-Za-z0-9_-]{22,88}$/;

/** The server's first message answers the challenge: `{ hello: HMAC-SHA256(pageKey, HELLO_CONTEXT + challenge) }`, base64url. */
export const HELLO_CONTEXT = 'dialdesk-web-shell-hello:';

/**
 * The largest socket message: the contract's largest input (an uploaded file,
 * 60,000,000 base64 characters in importLeads/commitImport/importDoNotCall)
 * with room for its envelope (call name, file name, column mapping).
 */
export const MAX_MESSAGE_BYTES = 60_000_000 + 64 * 1024;

/**
 * Calls one page may have in flight at once: far more than the screens issue
 * together (a handful at start-up), few enough that a runaway page cannot
 * queue unbounded work in main.
 */
export const MAX_IN_FLIGHT = 32;

/** Bytes of request messages in flight at once: one file upload of the largest size and the small calls beside it. */
export const MAX_IN_FLIGHT_BYTES = MAX_MESSAGE_BYTES + 1024 * 1024;
