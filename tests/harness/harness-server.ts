import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Core } from '../../main/core/core.js';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/** A socket message from the page: one API call. */
interface Request {
  id: number;
  call: string;
  input: unknown;
}

export interface HarnessOptions {
  core: Pick<Core, 'dispatch' | 'events'>;
  /** The built `dist/renderer-harness` folder. */
  staticDir: string;
  /** 0 picks a free port. */
  port: number;
  log?: (message: string) => void;
}

export interface Harness {
  url: string;
  port: number;
  /** Stops accepting, closes open sockets and the HTTP server. Does not close the core. */
  close(): Promise<void>;
}

/**
 * The renderer in a plain browser: static files over HTTP on 127.0.0.1 and
 * the API as a WebSocket at `/api` that forwards every call to the same
 * `dispatch` the Electron IPC uses and pushes every core event.
 */
export async function startHarness({ core, staticDir, port, log = () => undefined }: HarnessOptions): Promise<Harness> {
  const root = resolve(staticDir);
  if (!existsSync(join(root, 'index.html'))) {
    throw new Error(`No renderer build in ${root}: run "npm run build:renderer:harness" first.`);
  }

  const server = createServer((request, response) => serveStatic(root, request, response));
  const sockets = new WebSocketServer({ noServer: true, maxPayload: 80 * 1024 * 1024 });

  server.on('upgrade', (request, socket, head) => {
    const { pathname } = new URL(request.url ?? '/', 'http://127.0.0.1');
    // Only the page this server serves may talk to the core.
    const origin = request.headers.origin;
    if (pathname !== '/api' || (origin !== undefined && origin !== `http://${request.headers.host}`)) {
      socket.write('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      socket.destroy();
      return;
    }
    sockets.handleUpgrade(request, socket, head, (ws) => sockets.emit('connection', ws, request));
  });

  sockets.on('connection', (ws: WebSocket) => {
    const unsubscribe = core.events.subscribe((event) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ event }));
    });
    ws.on('close', unsubscribe);
    ws.on('message', async (data) => {
      let request: Request;
      try {
        request = JSON.parse(String(data)) as Request;
      } catch {
        log('harness: ignored a message that is not JSON');
        return;
      }
      if (typeof request?.id !== 'number') return;
      const result = await core.dispatch(request.call, request.input);
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ id: request.id, result }));
    });
  });

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolveListen());
  });
  const actualPort = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${actualPort}`,
    port: actualPort,
    async close() {
      for (const client of sockets.clients) client.terminate();
      await new Promise<void>((done) => sockets.close(() => done()));
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}

function serveStatic(root: string, request: IncomingMessage, response: ServerResponse): void {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, { Allow: 'GET, HEAD' }).end();
    return;
  }
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
  } catch {
    response.writeHead(400).end();
    return;
  }
  const file = normalize(join(root, pathname === '/' ? 'index.html' : pathname));
  if (file !== root && !file.startsWith(root + sep)) {
    response.writeHead(403).end();
    return;
  }
  if (!existsSync(file) || !statSync(file).isFile()) {
    response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
    return;
  }
  response.writeHead(200, {
    'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  if (request.method === 'HEAD') response.end();
  else createReadStream(file).pipe(response);
}
