/** The project's own TypeScript sources, for tests that scan them ("one rule, one place"). */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export const projectRoot = new URL('../../', import.meta.url).pathname;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : sources(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

/** The sources under main/, renderer/ and shared/ whose text matches `pattern`, relative to the project root. */
export function sourcesMatching(pattern: RegExp): string[] {
  return ['main', 'renderer', 'shared']
    .flatMap((dir) => sources(join(projectRoot, dir)))
    .filter((path) => pattern.test(readFileSync(path, 'utf8')))
    .map((path) => relative(projectRoot, path));
}
