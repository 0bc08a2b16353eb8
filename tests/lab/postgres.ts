/**
 * A throwaway PostgreSQL cluster for one test file (../shared/notes' recipe, as the project keeps it):
 * initdb in a temporary folder, scram-sha-256 passwords, 127.0.0.1 on a free port, run as an unprivileged
 * user when the tests run as root (PostgreSQL refuses root), stopped after. Nothing is mocked.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

export interface PgCluster {
  port: number;
  /** postgres://admin:…@127.0.0.1:PORT/postgres — the superuser. */
  adminUrl: string;
  /** Kills the postmaster with SIGKILL (a crash) and waits until it is gone. */
  crash(): Promise<void>;
  start(): void;
  stop(): void;
}

function serverBin(name: string): string {
  const base = '/usr/lib/postgresql';
  const majors = existsSync(base) ? readdirSync(base).filter((d) => /^\d+$/.test(d)).sort((a, b) => Number(b) - Number(a)) : [];
  for (const major of majors) if (existsSync(join(base, major, 'bin', name))) return join(base, major, 'bin', name);
  throw new Error(`PostgreSQL's ${name} is not installed (Debian package postgresql; node scripts/check-system.mjs installs it)`);
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function startPgCluster(): Promise<PgCluster> {
  const asRoot = userInfo().uid === 0;
  const run = (bin: string, args: string[]) => {
    const [command, full] = asRoot ? ['runuser', ['-u', 'nobody', '--', serverBin(bin), ...args]] : [serverBin(bin), args];
    const result = spawnSync(command, full, { encoding: 'utf8', timeout: 60_000 });
    if (result.status !== 0) throw new Error(`${bin} ${args.join(' ')} failed: ${result.stderr || result.stdout}`);
    return result.stdout;
  };
  const dir = mkdtempSync(join(tmpdir(), 'dialdesk-pg-'));
  chmodSync(dir, 0o755);
  const home = join(dir, 'pg');
  mkdirSync(home);
  const password = `admin-${Math.random().toString(36).slice(2)}`;
  writeFileSync(join(home, 'pw'), `${password}\n`);
  if (asRoot) {
    const nobody = Number(execFileSync('id', ['-u', 'nobody'], { encoding: 'utf8' }).trim());
    chownSync(home, nobody, -1);
    chownSync(join(home, 'pw'), nobody, -1);
  }
  run('initdb', ['-D', join(home, 'data'), '-U', 'admin', '--auth=scram-sha-256', `--pwfile=${join(home, 'pw')}`, '--no-sync', '-E', 'UTF8', '--locale=C']);
  const port = await freePort();
  // fsync=off: a killed server loses nothing the OS has (commits still write their WAL before answering).
  const options = `-p ${port} -k ${home} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=60 -c shared_buffers=16MB`;
  const start = () => void run('pg_ctl', ['-D', join(home, 'data'), '-o', options, '-l', join(home, 'log'), '-w', '-t', '60', 'start']);
  start();
  let stopped = false;
  return {
    port,
    adminUrl: `postgres://admin:${password}@127.0.0.1:${port}/postgres`,
    start,
    async crash() {
      const pid = Number(readFileSync(join(home, 'data', 'postmaster.pid'), 'utf8').split('\n')[0]);
      process.kill(pid, 'SIGKILL');
      // A zombie postmaster still holds its lock file: wait until it is gone.
      for (let i = 0; i < 100; i += 1) {
        const ps = spawnSync('ps', ['-o', 'stat=', '-p', String(pid)], { encoding: 'utf8' });
        if (ps.stdout.trim() === '') break;
        await sleep(50);
      }
      // The crashed server's children die with it; give them a moment to let go of shared memory.
      await sleep(200);
    },
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        run('pg_ctl', ['-D', join(home, 'data'), '-m', 'immediate', '-w', 'stop']);
      } catch {
        // Already down (a crash the test did not restart).
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
