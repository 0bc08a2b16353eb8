import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Core } from '../core/core.js';
import { contentSecurityPolicy } from '../../shared/csp.js';
import { refusalOf, type Gate } from './request-gate.js';
import { serveFile } from './static-files.js';

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
  /** The URL token; a fresh random one when not given. */
  token?: string;
  log?: (message: string) => void;
}

export interface WebServer {
  /** `http://127.0.0.1:PORT/?token=TOKEN`: the only address that opens the app. */
  url: string;
  /** `http://127.0.0.1:PORT` */
  origin: string;
  port: number;
  token: string;
  /** Stops accepting, closes open sockets and the HTTP server. Does not close the core. */
  close(): Promise<void>;
}

/** Close code for a page replaced by a newer one: one page at a time owns the core's call media. */
export const SUPERSEDED_CLOSE_CODE = 4001;

/**
 * The web shell's server: the renderer build and the core's API, to a
 * browser on this computer only.
 *
 *   GET /?token=T            index.html, its asset links rewritten to /T/…
 *   GET /T/assets/…          the build's files
 *   WS  /api?token=T         one API call per message; core events pushed
 *
 * Every request must carry the token (in the query or as the path's first
 * segment), name this server's own loopback address and port as its Host (a
 * DNS-rebound name never matches) and, when it has an Origin, come from this
 * origin; the socket must have that Origin. Anything else gets 403.
 */
export async function startWebServer({ core, staticDir, port, token = newToken(), log = () => undefined }: WebServerOptions): Promise<WebServer> {
  const root = resolve(staticDir);
  const indexFile = join(root, 'index.html');
  if (!existsSync(indexFile)) {
    throw new Error(`No renderer build in ${root}: run "npm run build:renderer:web" first.`);
  }
  const builtIndex = readFileSync(indexFile, 'utf8');

  const server = createServer();
  const sockets = new WebSocketServer({ noServer: true, maxPayload: 80 * 1024 * 1024 });
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolveListen());
  });
  const actualPort = (server.address() as AddressInfo).port;
  const gate: Gate = { host: `127.0.0.1:${actualPort}`, origin: `http://127.0.0.1:${actualPort}`, token };
  const index = pageFor(builtIndex, gate);
  // The page's policy again as a header (the backstop if the meta tag were dropped), its socket pinned to this port.
  const policy = contentSecurityPolicy({ connect: ["'self'", `ws://${gate.host}`], delivery: 'header' });

  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    const refusal = refusalOf(request, gate, 'http');
    if (refusal) {
      log(`web: refused ${request.method} ${redact(request.url, token)}: ${refusal}`);
      response.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' }).end(`Forbidden: ${refusal}\n`);
      return;
    }
    serveFile({ root, token, index, policy, request, response });
  });

  server.on('upgrade', (request, socket, head) => {
    const refusal = refusalOf(request, gate, 'socket');
    if (refusal) {
      log(`web: refused a socket: ${refusal}`);
      socket.write('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      socket.destroy();
      return;
    }
    sockets.handleUpgrade(request, socket, head, (ws) => sockets.emit('connection', ws, request));
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
    ws.on('message', async (data) => {
      // A page being closed (replaced by another tab) gets no more calls through.
      if (ws.readyState !== ws.OPEN) return;
      let request: Request;
      try {
        request = JSON.parse(String(data)) as Request;
      } catch {
        log('web: ignored a message that is not JSON');
        return;
      }
      if (typeof request?.id !== 'number') return;
      const result = await core.dispatch(request.call, request.input);
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ id: request.id, result }));
    });
  });

  return {
    url: `${gate.origin}/?token=${token}`,
    origin: gate.origin,
    port: actualPort,
    token,
    async close() {
      for (const client of sockets.clients) client.terminate();
      await new Promise<void>((done) => sockets.close(() => done()));
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}

/** 32 random bytes, URL-safe: what the page must show to be served. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The build's index.html with its relative links under the token path, and the CSP's socket source pinned to this port. */
function pageFor(html: string, gate: Gate): string {
  return html
    .replace(/(\s(?:src|href))="\.\/(?!\/)/g, `$1="./${gate.token}/`)
    .replaceAll('ws://127.0.0.1:*', `ws://${gate.host}`);
}

function redact(url: string | undefined, token: string): string {
  return (url ?? '').replaceAll(token, '…');
}

