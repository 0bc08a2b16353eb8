import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The click-to-dial handler page of a renderer build, and the build files it loads. */
export interface DialLinkPage {
  html: string;
  /** Request paths (`/assets/…`) of the files the page names: its script, the chunk it imports, its style, its icon. */
  files: ReadonlySet<string>;
}

/** The handler page's file in the build (renderer/dial-link.html, built by vite.config.ts). */
export const DIAL_LINK_PAGE_FILE = 'dial-link.html';

/**
 * Reads the handler page the web shell serves without a session. Only the
 * files this page names go out without a session, not the rest of the build:
 * its few kilobytes of script hold no secret, but nothing that does not
 * need to be open is.
 */
export function readDialLinkPage(root: string): DialLinkPage {
  const file = join(root, DIAL_LINK_PAGE_FILE);
  if (!existsSync(file)) throw new Error(`No click-to-dial page (${DIAL_LINK_PAGE_FILE}) in the renderer build ${root}: run "npm run build:renderer:web" again.`);
  const html = readFileSync(file, 'utf8');
  return { html, files: filesNamedBy(html) };
}

/** The build-relative files (`./assets/…`) an HTML page's src= and href= attributes name, as request paths. */
export function filesNamedBy(html: string): Set<string> {
  const files = new Set<string>();
  for (const match of html.matchAll(/\b(?:src|href)="\.\/(assets\/[A-Za-z0-9._-]+)"/g)) files.add(`/${match[1]}`);
  return files;
}
