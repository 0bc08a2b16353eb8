/**
 * `npm start`: Dialdesk in Electron when Electron can start here, else in the
 * browser through the web shell, with one line saying why. Arguments go to
 * both (`--data-dir DIR`; the web shell also takes `--port N`, `--no-open`).
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { serve } from '../web/web.js';
import { findElectronBinary, runElectron, type ElectronBinary, type ElectronRun } from './electron-binary.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface StartSteps {
  findElectron(): ElectronBinary;
  /** Runs an npm script of this package; resolves to its exit code. */
  runScript(name: string): Promise<number>;
  runElectron(binary: string, args: readonly string[]): Promise<ElectronRun>;
  serve(args: readonly string[]): Promise<void>;
  say(line: string): void;
}

/** Resolves to the exit code when Electron ran; to null once the web shell is serving (the process then stays up). */
export async function start(args: readonly string[], steps: StartSteps): Promise<number | null> {
  const electron = steps.findElectron();
  let why: string;
  if ('binary' in electron) {
    const built = await steps.runScript('build');
    if (built !== 0) return built;
    const run = await steps.runElectron(electron.binary, ['.', ...args]);
    if ('exitCode' in run) return run.exitCode;
    why = run.failed;
  } else {
    why = electron.problem;
  }
  steps.say(`Electron cannot start here (${why}): Dialdesk is starting in the browser instead.`);
  const built = await steps.runScript('build:renderer:web');
  if (built !== 0) return built;
  await steps.serve(args.filter((arg) => arg !== '.'));
  return null;
}

function runNpmScript(name: string): Promise<number> {
  // Under npm, npm_execpath is npm's own CLI script: run it with this Node rather than relying on PATH.
  const npm = process.env.npm_execpath;
  const [command, prefix] = npm ? [process.execPath, [npm]] : ['npm', []];
  return new Promise((resolve) => {
    const child = spawn(command, [...prefix, 'run', '-s', name], { cwd: ROOT, stdio: 'inherit', shell: !npm && process.platform === 'win32' });
    child.once('error', () => resolve(1));
    child.once('exit', (code) => resolve(code ?? 1));
  });
}

export const realSteps: StartSteps = {
  findElectron: () => findElectronBinary(ROOT, process.env),
  runScript: runNpmScript,
  runElectron: (binary, args) => runElectron(binary, args, ROOT),
  serve: (args) => serve(args, process.env),
  say: (line) => process.stdout.write(`${line}\n`),
};
