import { pathToFileURL } from 'node:url';

/**
 * The renderer is one local page. A URL belongs to the app only when it is
 * that exact file (any hash route or query): not another file:// page, not a
 * remote page an attacker managed to load.
 */
export function isAppUrl(url: string | undefined | null, indexHtmlPath: string): boolean {
  if (!url) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  const expected = pathToFileURL(indexHtmlPath);
  return parsed.protocol === 'file:' && parsed.host === expected.host && parsed.pathname === expected.pathname;
}
