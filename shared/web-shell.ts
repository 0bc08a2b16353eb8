import { z } from 'zod';

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

/**
 * Click-to-dial in the web shell. The browser sends a tel:/sip: link, clicked
 * on any page, to `DIAL_LINK_PATH?link=<the link>` (the handler the Settings
 * screen registers). That navigation comes from another site, so the
 * SameSite=Strict session cookie stays behind: the handler page gets no
 * session and no power. It only hands the link, over a same-origin
 * BroadcastChannel, to the Dialdesk tab already open, which opens the lead (or
 * offers to create one) and answers. Nothing dials: the rep presses Dial.
 */
export const DIAL_LINK_PATH = '/dial-link';

/** The query parameter that carries the link, on the handler page and on the app's own address. */
export const LINK_PARAM = 'link';

/** The BroadcastChannel name the handler page and the app tab share (same origin only, by the browser's rule). */
export const DIAL_LINK_CHANNEL = 'dialdesk-dial-links';

/**
 * The most of a link the handler page hands on: more than any phone link (the core refuses
 * those over 2,048 characters, with that reason), so a longer one arrives cut and is refused
 * for its length rather than lost.
 */
export const HANDOFF_LINK_MAX = 4096;

/** Handler page → app tab: one link, with an id the answer names. */
export const dialLinkHandoffSchema = z
  .object({
    type: z.literal('dial-link'),
    id: z.string().regex(/^[A-Za-z0-9-]{8,64}$/),
    link: z.string().max(HANDOFF_LINK_MAX),
  })
  .strict();
export type DialLinkHandoff = z.infer<typeof dialLinkHandoffSchema>;

/** App tab → handler page: the link was taken; `refused` is why it was not opened (a malformed link), or null. */
export const dialLinkAnswerSchema = z
  .object({
    type: z.literal('dial-link-answer'),
    id: z.string().regex(/^[A-Za-z0-9-]{8,64}$/),
    refused: z.string().max(1000).nullable(),
  })
  .strict();
export type DialLinkAnswer = z.infer<typeof dialLinkAnswerSchema>;
