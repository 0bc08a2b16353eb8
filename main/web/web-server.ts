import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { parse as parseCookies, serialize as serializeCookie } from 'cookie';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import type { Core } from '../core/core.js';
import { contentSecurityPolicy } from '../../shared/csp.js';
import { fail } from '../../shared/result.js';
import { CHALLENGE_PATTERN, DIAL_LINK_PATH, MAX_IN_FLIGHT, MAX_IN_FLIGHT_BYTES, MAX_MESSAGE_BYTES, PAGE_KEY_META } from '../../shared/web-shell.js';
import { readDialLinkPage } from './dial-link-page.js';
import { helloFor, LaunchSessions, newSecret, type WebSession } from './launch-sessions.js';
import { refusalOf, type Gate } from './request-gate.js';
import { isPagePath, serveFile, servePage } from './static-files.js';

/** A socket message from the page: one API call. */
interface Request {
  id: number;
  call: string;
  input: unknown;
}

export interface WebServerOptions {
  core: Pick<Core, 'dispatch' | 'events'>;
  /** The built renderer (`dist/renderer-web`). */
  staticDir: string;
  /** 0 picks a free port. */
  port: number;
  /** The printed address's launch code; a fresh random one when not given. */
  launchCode?: string;
  log?: (message: string) => void;
}

export interface WebServer {
  /** `http://127.0.0.1:PORT/?token=CODE`: the printed address; its one-time launch code opens the app once. */
  url: string;
  /** `http://127.0.0.1:PORT` */
  origin: string;
  port: number;
  /** The launch code of `url`. */
  launchCode: string;
  /** Another one-time address, for the browser the shell opens itself: the printed one stays unspent for the person. */
  newLaunchUrl(): string;
  /** Stops accepting, closes open sockets and the HTTP server. Does not close the core. */
  close(): Promise<void>;
}

/** Close code for a page replaced by a newer one: one page at a time owns the core's call media. */
export const SUPERSEDED_CLOSE_CODE = 4001;

/**
 * The web shell's server: the renderer build and the core's API, to a
 * browser on this computer only.
 *
 *   GET /?token=CODE         spends the one-time launch code: sets the session cookie
 *                            (HttpOnly, SameSite=Strict, Path=/) and answers the page
 *   GET /, /assets/…         the page and the build's files, to a session cookie
 *   WS  /api?challenge=N     to a session cookie: first the server's hello (its
 *                            answer to the page's challenge), then one API call
 *                            per message; core events pushed
 *   GET /dial-link?link=L    to anyone, and its own few files: the click-to-dial
 *                            handler page (dial-link-page.ts). A link clicked on
 *                            another site arrives without the SameSite=Strict
 *                            cookie; this page has no session and no power, and
 *                            only hands the link to the open Dialdesk tab
 *
 * A launch code works once: it is on the browser's command line and in the
 * printed line, where others may read it, so a spent one opens nothing. Every
 * request must also name this server's own loopback address and port as its
 * Host (a DNS-rebound name never matches) and, when it has an Origin, come
 * from this origin; the socket must have that Origin. Anything else gets 403.
 */
export async function startWebServer({ core, staticDir, port, launchCode = newSecret(), log = () => undefined }: WebServerOptions): Promise<WebServer> {
  const root = resolve(staticDir);
  const indexFile = join(root, 'index.html');
  if (!existsSync(indexFile)) {
    throw new Error(`No renderer build in ${root}: run "npm run build:renderer:web" first.`);
  }
  const builtIndex = readFileSync(indexFile, 'utf8');
  const dialLinkPage = readDialLinkPage(root);

  const server = createServer();
  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolveListen());
  });
  const actualPort = (server.address() as AddressInfo).port;
  const gate: Gate = { host: `127.0.0.1:${actualPort}`, origin: `http://127.0.0.1:${actualPort}` };
  const sessions = new LaunchSessions();
  sessions.issueCode(launchCode);
  // Named by port: two web shells on this computer (two data folders) never overwrite each other's session.
  const cookieName = `dialdesk-session-${actualPort}`;
  const index = pageFor(builtIndex, gate);
  // The page's policy again as a header (the backstop if the meta tag were dropped), its socket pinned to this port.
  const policy = contentSecurityPolicy({ connect: ["'self'", `ws://${gate.host}`], delivery: 'header' });
  // The handler page connects nowhere: it talks to the app tab inside the browser only.
  const dialLinkPolicy = contentSecurityPolicy({ connect: [], delivery: 'header' });
  const sessionOf = (request: IncomingMessage): WebSession | null => sessions.sessionOf(parseCookies(request.headers.cookie ?? '')[cookieName]);
  const refuse = (request: IncomingMessage, response: ServerResponse, why: string) => {
    log(`web: refused ${request.method} ${redactUrl(request.url)}: ${why}`);
    response.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' }).end(`Forbidden: ${why}\n`);
  };

  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    const refusal = refusalOf(request, gate, 'http');
    if (refusal) return refuse(request, response, refusal);
    const url = new URL(request.url ?? '/', gate.origin);
    if (url.pathname === DIAL_LINK_PATH) {
      // Sessionless by design, so only as a page in a tab: never inside a frame, an image or a fetch of another site.
      const destination = request.headers['sec-fetch-dest'];
      if (destination !== undefined && destination !== 'document') return refuse(request, response, `the link page opens as a page, not as ${destination}`);
      return servePage({ html: dialLinkPage.html, policy: dialLinkPolicy, request, response });
    }
    if (dialLinkPage.files.has(url.pathname)) return serveFile({ root, index: '', policy: dialLinkPolicy, request, response });
    let session = sessionOf(request);
    const pageHeaders: Record<string, string> = {};
    const code = url.searchParams.get('token');
    // Only a GET spends a code: a HEAD (a link checker, `curl -I`) would spend it and show nothing.
    if (code !== null && isPagePath(url.pathname) && request.method === 'GET') {
      const redeemed = sessions.redeem(code);
      if (typeof redeemed === 'object') {
        session = redeemed;
        pageHeaders['Set-Cookie'] = serializeCookie(cookieName, redeemed.cookie, { httpOnly: true, sameSite: 'strict', path: '/' });
      } else if (session === null) {
        // A browser that already holds a session may open the spent address again; nobody else may.
        return refuse(request, response, redeemed === 'used' ? 'this launch code was already used: it opens Dialdesk once. Restart Dialdesk for a new address' : 'wrong launch code: open the address Dialdesk printed');
      }
    }
    if (session === null) return refuse(request, response, 'no session: open the address Dialdesk printed');
    serveFile({ root, index: withPageKey(index, session), pageHeaders, policy, request, response });
  });

  server.on('upgrade', (request, socket, head) => {
    const challenge = new URL(request.url ?? '/', gate.origin).searchParams.get('challenge') ?? '';
    const session = sessionOf(request);
    const refusal = refusalOf(request, gate, 'socket') ?? (session === null ? 'no session' : CHALLENGE_PATTERN.test(challenge) ? null : 'no challenge');
    if (refusal || session === null) {
      log(`web: refused a socket: ${refusal}`);
      socket.write('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      socket.destroy();
      return;
    }
    sockets.handleUpgrade(request, socket, head, (ws) => {
      // Before anything else, the page learns that this is the Dialdesk that served it.
      ws.send(JSON.stringify({ hello: helloFor(session, challenge) }));
      sockets.emit('connection', ws, request);
    });
  });

  sockets.on('connection', (ws: WebSocket) => {
    // The call audio runs in the page: two pages would both answer the core's media requests.
    for (const other of sockets.clients) {
      if (other !== ws) other.close(SUPERSEDED_CLOSE_CODE, 'Dialdesk was opened in another tab');
    }
    const unsubscribe = core.events.subscribe((event) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ event }));
    });
    ws.on('close', unsubscribe);
    // A message over MAX_MESSAGE_BYTES (or a broken frame): ws closes the socket (1009/1002) and reports it here; never a crash.
    ws.on('error', (error) => log(`web: closed a socket: ${error.message}`));
    let inFlight = 0;
    let inFlightBytes = 0;
    ws.on('message', async (data: RawData) => {
      // A page being closed (replaced by another tab) gets no more calls through.
      if (ws.readyState !== ws.OPEN) return;
      const size = byteLength(data);
      let request: Request;
      try {
        request = JSON.parse(String(data)) as Request;
      } catch {
        log('web: ignored a message that is not JSON');
        return;
      }
      if (typeof request?.id !== 'number') return;
      if (inFlight >= MAX_IN_FLIGHT || inFlightBytes + size > MAX_IN_FLIGHT_BYTES) {
        const why = `Too many calls at once (at most ${MAX_IN_FLIGHT}, or one file upload at a time): ${String(request.call).slice(0, 64)} was not run; try again.`;
        ws.send(JSON.stringify({ id: request.id, result: fail('refused', why) }));
        return;
      }
      inFlight++;
      inFlightBytes += size;
      try {
        const result = await core.dispatch(request.call, request.input);
        if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ id: request.id, result }));
      } finally {
        inFlight--;
        inFlightBytes -= size;
      }
    });
  });

  return {
    url: `${gate.origin}/?token=${launchCode}`,
    origin: gate.origin,
    port: actualPort,
    launchCode,
    newLaunchUrl: () => `${gate.origin}/?token=${sessions.issueCode()}`,
    async close() {
      for (const client of sockets.clients) client.terminate();
      await new Promise<void>((done) => sockets.close(() => done()));
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}

/** The build's index.html with the CSP's socket source pinned to this port. */
function pageFor(html: string, gate: Gate): string {
  return html.replaceAll('ws://127.0.0.1:*', `ws://${gate.host}`);
}

/** The page for one session: its page key in a meta tag, for the page's check of the server (never the cookie itself). */
function withPageKey(html: string, session: WebSession): string {
  return html.replace('</head>', `<meta name="${PAGE_KEY_META}" content="${session.pageKey}"></head>`);
}

function byteLength(data: RawData): number {
  if (Array.isArray(data)) return data.reduce((sum, part) => sum + part.length, 0);
  return data instanceof ArrayBuffer ? data.byteLength : data.length;
}

/** The request's path without its query: a launch code, spent or not, never goes to the log. */
function redactUrl(url: string | undefined): string {
  return (url ?? '').split('?')[0] ?? '';
}
