/**
 * `dialdesk team …` and `dnc add` in team mode, end to end through the CLI against a real PostgreSQL
 * (one throwaway cluster for this file). Passwords reach pg through PGPASSWORD here: the test machine
 * has no system keyring, and the URLs handed to `join` carry none.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../../support/run-cli.js';
import { startPgCluster, type PgCluster } from '../postgres.js';

let cluster: PgCluster;
const dirs: string[] = [];
const folder = () => {
  const dir = mkdtempSync(join(tmpdir(), 'dialdesk-team-cli-'));
  dirs.push(dir);
  return dir;
};

beforeAll(async () => {
  cluster = await startPgCluster();
});
afterAll(() => {
  delete process.env.PGPASSWORD;
  cluster?.stop();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** Runs the CLI as a rep: the URL without its password, the password in PGPASSWORD. */
async function asRep(rep: { url: string; password: string }, args: string[]) {
  process.env.PGPASSWORD = rep.password;
  try {
    return await cli(args);
  } finally {
    delete process.env.PGPASSWORD;
  }
}

async function addRep(name: string) {
  const added = await cli(['team', 'add-rep', name, '--db', cluster.adminUrl]);
  expect(added.code).toBe(0);
  const url = new URL(added.out.trim().split('\n').at(-1)!);
  const password = decodeURIComponent(url.password);
  url.password = '';
  return { url: url.toString(), password };
}

describe('dialdesk team', () => {
  it('team --help lists init, add-rep, join, sync and status', async () => {
    const help = await cli(['team', '--help']);
    expect(help.code).toBe(0);
    for (const command of ['init', 'add-rep', 'join', 'sync', 'status']) expect(help.out).toMatch(new RegExp(`^  ${command}\\b`, 'm'));
  });

  it('init is idempotent; a bad URL is a clear error', async () => {
    expect((await cli(['team', 'init', '--db', cluster.adminUrl])).out).toMatch(/Team schema ready/);
    expect((await cli(['team', 'init', '--db', cluster.adminUrl])).out).toMatch(/up to date; nothing to do/);
    const bad = await cli(['team', 'init', '--db', 'mysql://x@127.0.0.1/db']);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/not a PostgreSQL URL/);
    const missing = await cli(['team', 'init']);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/needs --db URL/);
  });

  it("a rep's dnc add reaches another rep's check with the team reason; status and sync print JSON", async () => {
    const ann = await addRep('Ann Example');
    const ben = await addRep('Ben Example');
    const a = folder();
    const b = folder();
    expect((await asRep(ann, ['team', 'join', '--db', ann.url, '--data-dir', a])).out).toMatch(/Joined the team as Ann Example/);
    expect((await asRep(ben, ['team', 'join', '--db', ben.url, '--data-dir', b])).code).toBe(0);

    const added = await cli(['dnc', 'add', '+13055550124', '--reason', 'asked by email', '--data-dir', a]);
    expect(added.out).toMatch(/goes to your team's do-not-call list with the next sync/);
    const status = JSON.parse((await cli(['team', 'status', '--json', '--data-dir', a])).out);
    expect(status).toMatchObject({ joined: true, repName: 'Ann Example', outbox: 1, blocked: null });

    const synced = JSON.parse((await asRep(ann, ['team', 'sync', '--json', '--data-dir', a])).out);
    expect(Object.keys(synced).sort()).toEqual(['claimed', 'dncEntries', 'lastSyncAt', 'pulled', 'pushed']);
    expect(synced).toMatchObject({ pushed: 1, dncEntries: 1, claimed: 0 });
    expect((await asRep(ben, ['team', 'sync', '--json', '--data-dir', b])).out).toMatch(/"pulled":1/);

    const check = JSON.parse((await cli(['check', '+13055550124', '--json', '--data-dir', b])).out);
    expect(check.allowed).toBe(false);
    expect(check.reason).toMatch(/^Do not call: \+13055550124 is on your team's do-not-call list since .* UTC, recorded by Ann Example$/);
    const list = (await cli(['dnc', 'list', '--data-dir', b])).out;
    expect(list).toMatch(/\+13055550124,"your team's do-not-call list since .*, recorded by Ann Example"/);
  });

  it('sync outside a team, and a join the database refuses, say why and exit 1', async () => {
    const dir = folder();
    const notJoined = await cli(['team', 'sync', '--data-dir', dir]);
    expect(notJoined.code).toBe(1);
    expect(notJoined.err).toMatch(/not in a team/);
    const refused = await asRep({ url: cluster.adminUrl.replace(/admin:[^@]*@/, 'dialdesk_nobody@'), password: 'wrong' }, ['team', 'join', '--db', cluster.adminUrl.replace(/admin:[^@]*@/, 'dialdesk_nobody@'), '--data-dir', dir]);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/Cannot reach the team database as this rep/);
    expect((await cli(['team', 'status', '--json', '--data-dir', dir])).out).toMatch(/"joined":false/);
  });
});
