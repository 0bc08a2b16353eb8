import { createReadStream } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname } from 'node:path';
import { fileInsideRoot } from './file-inside-root.js';

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

const COMMON_HEADERS = {
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Resource-Policy': 'same-origin',
} as const;

export interface StaticRequest {
  /** The build folder. */
  root: string;
  /** The page to answer `/` with (already rewritten for this server and session). */
  index: string;
  /** Headers to send with the page only (the session cookie when a launch code was just spent). */
  pageHeaders?: Record<string, string>;
  /** The Content-Security-Policy header sent with the page. */
  policy: string;
  request: IncomingMessage;
  response: ServerResponse;
}

/** The page's paths; everything else is a file of the build. */
export function isPagePath(pathname: string): boolean {
  return pathname === '/' || pathname === '/index.html';
}

/** Answers with an HTML page of the server's: its policy, never inside a frame, never cached. */
export function servePage({ html, pageHeaders = {}, policy, request, response }: { html: string; pageHeaders?: Record<string, string>; policy: string; request: IncomingMessage; response: ServerResponse }): void {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, { Allow: 'GET, HEAD' }).end();
    return;
  }
  response.writeHead(200, {
    ...COMMON_HEADERS,
    ...pageHeaders,
    'Content-Type': CONTENT_TYPES['.html'],
    'Content-Security-Policy': policy,
    'X-Frame-Options': 'DENY',
  });
  response.end(request.method === 'HEAD' ? undefined : html);
}

/**
 * Answers a request that passed the gate and carries a session: `/` (and
 * `/index.html`) with the page, any other path with a file of the build, never
 * a file outside it (a symbolic link out of the build included).
 */
export function serveFile({ root, index, pageHeaders = {}, policy, request, response }: StaticRequest): void {
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
  if (isPagePath(pathname)) {
    servePage({ html: index, pageHeaders, policy, request, response });
    return;
  }
  const file = fileInsideRoot(root, pathname);
  if (file === null) {
    response.writeHead(404, { ...COMMON_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
    return;
  }
  response.writeHead(200, { ...COMMON_HEADERS, 'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream' });
  if (request.method === 'HEAD') response.end();
  else createReadStream(file).pipe(response);
}
