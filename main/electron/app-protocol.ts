import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { protocol } from 'electron';
import { fileInsideRoot } from '../web/file-inside-root.js';
import { APP_HOST, APP_SCHEME } from './app-url.js';

/**
 * Before `ready`: the app's scheme is a standard, secure origin (like https),
 * so the page gets a real origin for 'self', fetch and getUserMedia.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

/** After `ready`: `app://dialdesk/<path>` answers with the built renderer's files and nothing else. */
export function serveRenderer(rendererDir: string, csp: string): void {
  protocol.handle(APP_SCHEME, (request) => rendererResponse(rendererDir, request.url, csp));
}

/** The types the renderer build emits; anything else is served as bytes a page will not run. */
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export async function rendererResponse(rendererDir: string, url: string, csp: string): Promise<Response> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return new Response('Bad request', { status: 400 });
  }
  if (parsed.host !== APP_HOST) return new Response('Not found', { status: 404 });
  let relative: string;
  try {
    relative = decodeURIComponent(parsed.pathname).replace(/^\/+/, '') || 'index.html';
  } catch {
    return new Response('Bad request', { status: 400 });
  }
  const root = normalize(rendererDir);
  const file = normalize(join(root, relative));
  // URL parsing already folds "..", but an encoded separator ("%2F..") is only decoded here.
  if (!file.startsWith(root + sep)) return new Response('Forbidden', { status: 403 });
  // The real path too: a symbolic link inside the build must not serve a file outside it.
  const real = fileInsideRoot(root, relative);
  if (real === null) return new Response('Not found', { status: 404 });
  let body: Buffer;
  try {
    body = await readFile(real);
  } catch {
    return new Response('Not found', { status: 404 });
  }
  return new Response(new Uint8Array(body), {
    headers: {
      'Content-Type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'Content-Security-Policy': csp,
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
