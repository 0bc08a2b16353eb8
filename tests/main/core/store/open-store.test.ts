import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLeadStore, startFresh } from '../../../../main/core/store/open-store.js';
import { makeLead } from '../../../support/fixtures.js';
import { useTempDirs } from '../../../support/temp-dir.js';

describe('openLeadStore', () => {
  const tempDir = useTempDirs();

  it('moves a corrupt leads.json aside, keeps its bytes, and says so on every start until the rep starts fresh', async () => {
    const dir = tempDir();
    const first = await openLeadStore(dir, new Date());
    await first.store!.addLeads([makeLead()]);
    await first.store!.close();
    const garbage = '{"schemaVersion":1,"leads":[{"id":"x", TRUNCATED';
    writeFileSync(join(dir, 'leads.json'), garbage);

    const opened = await openLeadStore(dir, new Date('2026-11-28T10:00:00Z'));
    expect(opened.store).toBeNull();
    if (opened.status.state !== 'error') throw new Error('expected an error');
    expect(opened.status.message).toMatch(/leads\.json cannot be read/);
    const kept = opened.status.keptFiles.find((f) => f.endsWith('leads.json'))!;
    expect(readFileSync(kept, 'utf8')).toBe(garbage);
    expect(existsSync(join(dir, 'leads.json'))).toBe(false);

    const again = await openLeadStore(dir, new Date());
    expect(again.status).toEqual(opened.status);

    const fresh = await startFresh(dir);
    expect(fresh.leadCount).toBe(0);
    await fresh.close();
    expect(readFileSync(kept, 'utf8')).toBe(garbage);
    expect((await openLeadStore(dir, new Date())).status).toEqual({ state: 'ready' });
  });
});
