import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** What Electron's main process prints once its window is open (main/electron/main.ts). */
export const ELECTRON_READY_LINE = 'Dialdesk: window open';

export type ElectronBinary = { binary: string } | { problem: string };

/**
 * Where the `electron` package's binary is, without requiring the package:
 * requiring it tries to download the binary when missing, printing a stack
 * trace on a machine that cannot. Mirrors electron/index.js (path.txt,
 * ELECTRON_OVERRIDE_DIST_PATH).
 */
export function findElectronBinary(fromDir: string, env: NodeJS.ProcessEnv): ElectronBinary {
  let packageDir: string;
  try {
    packageDir = dirname(createRequire(join(fromDir, 'package.json')).resolve('electron/package.json'));
  } catch {
    return { problem: 'the electron package is not installed' };
  }
  const pathFile = join(packageDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    const binary = join(env.ELECTRON_OVERRIDE_DIST_PATH, relative || 'electron');
    return existsSync(binary) ? { binary } : { problem: `no Electron binary at ${binary} (ELECTRON_OVERRIDE_DIST_PATH)` };
  }
  if (!relative) return { problem: 'Electron failed to install correctly: its binary was never downloaded' };
  const binary = join(packageDir, 'dist', relative);
  return existsSync(binary) ? { binary } : { problem: `Electron failed to install correctly: its binary is missing (${binary})` };
}

export type ElectronRun = { exitCode: number } | { failed: string };

/**
 * Runs the app in Electron, passing its output through. It counts as failed to
 * launch when it cannot be spawned or exits with an error before its window
 * opened (a missing system library, no display); the reason is its last line
 * of error output. Once the window is open, its exit code is the app's.
 */
export function runElectron(binary: string, args: readonly string[], cwd: string): Promise<ElectronRun> {
  return new Promise((resolve) => {
    const child = spawn(binary, [...args], { cwd, stdio: ['inherit', 'pipe', 'pipe'] });
    let ready = false;
    let stdout = '';
    let lastError = '';
    child.stdout.on('data', (chunk: Buffer) => {
      process.stdout.write(chunk);
      if (ready) return;
      stdout += chunk.toString();
      if (stdout.includes(ELECTRON_READY_LINE)) ready = true;
    });
    child.stderr.on('data', (chunk: Buffer) => {
      process.stderr.write(chunk);
      const lines = chunk.toString().split('\n').map((line) => line.trim()).filter(Boolean);
      if (lines.length > 0) lastError = lines[lines.length - 1];
    });
    child.once('error', (error) => resolve({ failed: `Electron could not be launched: ${error.message}` }));
    // 'close', not 'exit': only then has all of its output (the ready line among it) been read.
    child.once('close', (code, signal) => {
      if (ready || code === 0) resolve({ exitCode: code ?? 1 });
      else resolve({ failed: `Electron did not start: ${lastError || (signal ? `killed by ${signal}` : `exit code ${code}`)}` });
    });
  });
}
