/**
 * Team mode without a database: the fail-closed rule on a stale or damaged team file, the team reason
 * on a listed number, and the URL and role-name rules. (The database side is in tests/lab/team/.)
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDialGate } from '../../../../main/core/calling/dial-gate.js';
import { DoNotCallStore, TEAM_LIST_SOURCE } from '../../../../main/core/schedule/do-not-call-store.js';
import { LeadStore } from '../../../../main/core/store/lead-store.js';
import { roleNameOf, splitPassword, TeamUrlError } from '../../../../main/core/team/team-database.js';
import { openTeamFile } from '../../../../main/core/team/team-file.js';
import { openTeam, teamStatus } from '../../../../main/core/team/team.js';
import { createMemorySettings } from '../../../support/memory-stores.js';
import { useTempDirs } from '../../../support/temp-dir.js';

const tempDir = useTempDirs();
const HOUR = 3_600_000;

async function joinedFolder(lastSyncAt: string | null) {
  const dir = tempDir();
  const file = await openTeamFile(dir, new Date());
  Object.assign(file.db.data, { url: 'postgres://dialdesk_ann@127.0.0.1:1/team', role: 'dialdesk_ann', repName: 'Ann', joinedAt: '2026-12-01T09:00:00.000Z', lastSyncAt });
  await file.db.write();
  return dir;
}

describe('team mode, fail closed', () => {
  it('refuses every dial once the list is older than the limit, and not before', async () => {
    const dir = await joinedFolder('2026-12-07T09:00:00.000Z');
    const clock = { ms: Date.parse('2026-12-08T08:59:00.000Z') };
    const now = () => new Date(clock.ms);
    const doNotCall = await DoNotCallStore.open(dir, now(), now);
    const team = await openTeam({ dataDir: dir, doNotCall, store: () => null, password: () => null, now });
    expect(doNotCall.blockedReason).toBeNull();
    clock.ms += 2 * 60_000;
    expect(doNotCall.blockedReason).toBe(
      "Do not call: the team's do-not-call list was last synced 2026-12-07 09:00 UTC, more than the team's limit of 24 hours ago; no calls until a sync succeeds (team sync)",
    );
    expect(teamStatus(team)).toMatchObject({ joined: true, repName: 'Ann', blocked: doNotCall.blockedReason });
    const store = await LeadStore.open(dir);
    try {
      const gate = createDialGate({ store: () => store, settings: createMemorySettings(), doNotCall, now });
      const check = await gate.checkNumber('+12125550147', { at: Date.parse('2026-12-08T15:00:00Z') });
      expect(check.allowed).toBe(false);
      expect(check.reason).toMatch(/^Do not call: the team's do-not-call list was last synced/);
    } finally {
      await store.close();
    }
  });

  it('a folder that joined but never synced is blocked; one that never joined is not', async () => {
    const joined = await joinedFolder(null);
    const doNotCall = await DoNotCallStore.open(joined, new Date());
    await openTeam({ dataDir: joined, doNotCall, store: () => null, password: () => null, now: () => new Date() });
    expect(doNotCall.blockedReason).toMatch(/has not been synced yet/);

    const alone = tempDir();
    const own = await DoNotCallStore.open(alone, new Date());
    expect(await openTeam({ dataDir: alone, doNotCall: own, store: () => null, password: () => null, now: () => new Date() })).toBeNull();
    expect(own.blockedReason).toBeNull();
  });

  it('a damaged team file is kept aside and blocks until the rep joins again', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'team.json'), '{"schemaVersion":1,"url":');
    const doNotCall = await DoNotCallStore.open(dir, new Date());
    await openTeam({ dataDir: dir, doNotCall, store: () => null, password: () => null, now: () => new Date() });
    expect(doNotCall.blockedReason).toMatch(/team file could not be read.*join the team again/);
  });

  it("names the team's list, its date and its recorder in the refusal; other entries keep the imported wording", async () => {
    const dir = tempDir();
    const doNotCall = await DoNotCallStore.open(dir, new Date());
    await doNotCall.add(['+13055550123'], `${TEAM_LIST_SOURCE} since 2026-12-07 14:03 UTC, recorded by Dana Whitfield`);
    await doNotCall.add(['+13055550124'], 'registry.csv');
    const store = await LeadStore.open(dir);
    try {
      const gate = createDialGate({ store: () => store, settings: createMemorySettings(), doNotCall, now: () => new Date() });
      expect((await gate.checkNumber('+13055550123')).reason).toBe(
        "Do not call: +13055550123 is on your team's do-not-call list since 2026-12-07 14:03 UTC, recorded by Dana Whitfield",
      );
      expect((await gate.checkNumber('+13055550124')).reason).toBe('Do not call: +13055550124 is on the imported do-not-call list');
    } finally {
      await store.close();
    }
  });
});

describe('team URLs and roles', () => {
  it('keeps the password out of the stored URL and refuses what is not PostgreSQL', () => {
    expect(splitPassword('postgres://dialdesk_ann:s%40cret@db.example.com:5432/sales?sslmode=verify-full')).toEqual({
      url: 'postgres://dialdesk_ann@db.example.com:5432/sales?sslmode=verify-full',
      password: 's@cret',
    });
    expect(() => splitPassword('mysql://x@h/db')).toThrow(TeamUrlError);
    expect(() => splitPassword('not a url')).toThrow(/not a database URL/);
  });

  it('makes a safe role name from any rep name', () => {
    expect(roleNameOf('Siobhán Ní Bhriain')).toBe('dialdesk_siobhan_ni_bhriain');
    expect(roleNameOf(`Robert'); DROP TABLE x;--`)).toBe('dialdesk_robert_drop_table_x');
    expect(() => roleNameOf('——')).toThrow(TeamUrlError);
  });
});
