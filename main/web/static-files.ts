import { createReadStream, existsSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

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
  token: string;
  /** The page to answer `/` with (already rewritten for this server). */
  index: string;
  /** The Content-Security-Policy header sent with the page. */
  policy: string;
  request: IncomingMessage;
  response: ServerResponse;
}

/**
 * Answers a request that passed the gate: `/` (and `/index.html`) with the
 * page, `/TOKEN/…` with a file of the build, never a file outside it.
 */
export function serveFile({ root, token, index, policy, request, response }: StaticRequest): void {
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
  if (pathname === '/' || pathname === '/index.html') {
    response.writeHead(200, {
      ...COMMON_HEADERS,
      'Content-Type': CONTENT_TYPES['.html'],
      'Content-Security-Policy': policy,
      'X-Frame-Options': 'DENY',
    });
    response.end(request.method === 'HEAD' ? undefined : index);
    return;
  }
  const prefix = `/${token}/`;
  const file = pathname.startsWith(prefix) ? normalize(join(root, pathname.slice(prefix.length))) : null;
  if (file === null || !file.startsWith(root + sep) || !existsSync(file) || !statSync(file).isFile()) {
    response.writeHead(404, { ...COMMON_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
    return;
  }
  response.writeHead(200, { ...COMMON_HEADERS, 'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream' });
  if (request.method === 'HEAD') response.end();
  else createReadStream(file).pipe(response);
}
