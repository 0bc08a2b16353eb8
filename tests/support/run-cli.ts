import { PassThrough } from 'node:stream';
import { runCli } from '../../main/cli/cli.js';

/** Runs the CLI in-process and collects what it printed on each stream, with its exit code. */
export async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out = new PassThrough();
  const err = new PassThrough();
  const chunks = { out: '', err: '' };
  out.on('data', (c) => (chunks.out += c));
  err.on('data', (c) => (chunks.err += c));
  const code = await runCli(args, out, err);
  return { code, ...chunks };
}
