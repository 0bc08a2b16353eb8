import { realpathSync, statSync } from 'node:fs';
import { join, normalize, sep } from 'node:path';

/**
 * The real path of the regular file `requestPath` names under `root`, or null
 * when there is none or it lies outside the root. Both sides are resolved to
 * real paths first: a `..` in the request, or a symbolic link inside the build
 * pointing out of it (to `~/.ssh`, to the data folder), never reaches a file
 * outside.
 */
export function fileInsideRoot(root: string, requestPath: string): string | null {
  let realRoot: string;
  let real: string;
  try {
    realRoot = realpathSync(root);
    real = realpathSync(normalize(join(realRoot, requestPath)));
  } catch {
    return null;
  }
  if (!real.startsWith(realRoot + sep)) return null;
  try {
    return statSync(real).isFile() ? real : null;
  } catch {
    return null;
  }
}
