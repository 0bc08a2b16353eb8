import { appendFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLeadStore, startFresh } from '../../../../main/core/store/open-store.js';
import { CHECKPOINT_FILE } from '../../../../main/core/store/summary-checkpoint.js';
import { makeAttempt, makeLead } from '../../../support/fixtures.js';
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

  /** A store with one lead and one attempt in November 2026, closed. */
  async function storeWithHistory(dir: string): Promise<string> {
    const { store } = await openLeadStore(dir, new Date());
    const lead = makeLead();
    await store!.addLeads([lead]);
    await store!.recordAttempt(makeAttempt(lead.id, 'no-answer', '2026-11-02T15:00:00.000Z'));
    await store!.close();
    return lead.id;
  }

  it('refuses data from a newer Dialdesk with what to do, and moves and rewrites nothing', async () => {
    for (const file of ['leads.json', CHECKPOINT_FILE] as const) {
      const dir = tempDir();
      await storeWithHistory(dir);
      let text: Buffer;
      if (file === 'leads.json') text = Buffer.from(readFileSync(join(dir, file), 'utf8').replace(/^\{"schemaVersion":\d+/, '{"schemaVersion":99'));
      else {
        // The binary checkpoint's version is the 32-bit number after its 8-byte magic.
        text = Buffer.from(readFileSync(join(dir, file)));
        text.writeUInt32LE(99, 8);
      }
      writeFileSync(join(dir, file), text);
      const before = readdirSync(dir).sort();

      const opened = await openLeadStore(dir, new Date());
      expect(opened.store, file).toBeNull();
      expect(opened.status, file).toEqual({
        state: 'error',
        message: expect.stringContaining(`${file} was made by a newer Dialdesk (version 99); update the app`),
        keptFiles: [],
      });
      expect(readdirSync(dir).sort(), file).toEqual(before);
      expect(readFileSync(join(dir, file)).equals(text), file).toBe(true);
      // Not remembered as damage: the same answer next time, and it opens once the newer app's data is gone.
      expect((await openLeadStore(dir, new Date())).status).toEqual(opened.status);
    }
  });

  it('sets aside a record of the wrong shape alone, with its reason and place, and opens the rest', async () => {
    const cases: [string, (dir: string, leadId: string) => void, { kind: string; notice: RegExp; reason: RegExp; source: string; leads: number; attempts: number }][] = [
      [
        'a null attempt line',
        (dir) => appendFileSync(join(dir, 'attempts', '2026-11.jsonl'), 'null\n'),
        { kind: 'attempt', notice: /^1 attempt could not be read and was set aside \(see .*quarantine\/attempt\.jsonl\)\.$/, reason: /not a valid record/, source: 'attempts/2026-11.jsonl', leads: 1, attempts: 1 },
      ],
      [
        'an attempt with wrong fields',
        (dir, leadId) => appendFileSync(join(dir, 'attempts', '2026-11.jsonl'), `${JSON.stringify({ leadId, outcome: 42 })}\n`),
        { kind: 'attempt', notice: /^1 attempt could not be read/, reason: /not a valid record \(id: .*outcome/, source: 'attempts/2026-11.jsonl', leads: 1, attempts: 1 },
      ],
      [
        'a null lead',
        (dir) => writeFileSync(join(dir, 'leads.json'), readFileSync(join(dir, 'leads.json'), 'utf8').replace(/\n\{"id".*\n/, '\nnull\n')),
        { kind: 'lead', notice: /^1 lead could not be read and was set aside \(see .*quarantine\/lead\.jsonl\)\.$/, reason: /not a valid lead/, source: 'leads.json', leads: 0, attempts: 1 },
      ],
      [
        'a lead with wrong fields',
        (dir) => writeFileSync(join(dir, 'leads.json'), readFileSync(join(dir, 'leads.json'), 'utf8').replace(/"phone":"[^"]*"/, '"phone":5')),
        { kind: 'lead', notice: /^1 lead could not be read/, reason: /not a valid lead \(phone/, source: 'leads.json', leads: 0, attempts: 1 },
      ],
      [
        'a null inbound call',
        (dir) => writeFileSync(join(dir, 'inbound', '2026-11.jsonl'), 'null\n'),
        { kind: 'inbound', notice: /^1 inbound call could not be read and was set aside/, reason: /not a valid record/, source: 'inbound/2026-11.jsonl', leads: 1, attempts: 1 },
      ],
    ];
    for (const [what, damage, expected] of cases) {
      const dir = tempDir();
      const leadId = await storeWithHistory(dir);
      damage(dir, leadId);
      const opened = await openLeadStore(dir, new Date());
      expect(opened.status, what).toEqual({ state: 'ready' });
      const store = opened.store!;
      expect(store.notices(), what).toEqual([expect.stringMatching(expected.notice)]);
      expect(store.leadCount, what).toBe(expected.leads);
      expect([...store.allAttempts()].length, what).toBe(expected.attempts);
      const set = [...store.quarantine.all()];
      expect(set, what).toEqual([expect.objectContaining({ kind: expected.kind, source: expected.source, reason: expect.stringMatching(expected.reason) })]);
      if (expected.kind === 'lead') {
        expect(set[0].line, what).toBe(2);
        // leads.json is rewritten without it.
        expect(readFileSync(join(dir, 'leads.json'), 'utf8'), what).not.toContain(set[0].text);
      } else {
        // An append-only log is not rewritten: the record is where its position says.
        expect(readFileSync(join(dir, expected.source)).subarray(set[0].byte).toString('utf8').startsWith(`${set[0].text}\n`), what).toBe(true);
      }
      await store.close();
      // Set aside once: the next start opens quietly and still counts it.
      const again = await openLeadStore(dir, new Date());
      expect(again.store!.notices(), what).toEqual([]);
      expect(again.store!.quarantine.count, what).toBe(1);
      expect(again.store!.leadCount, what).toBe(expected.leads);
      await again.store!.close();
    }
  });

  it('salvages the leads before the cut of a leads.json cut off mid-line, keeps the file as it was, and sets the torn line aside', async () => {
    const dir = tempDir();
    const { store } = await openLeadStore(dir, new Date());
    const leads = [makeLead({ phone: '+12125550121' }), makeLead({ phone: '+12125550122' }), makeLead({ phone: '+12125550123' })];
    await store!.addLeads(leads);
    await store!.close();
    const whole = readFileSync(join(dir, 'leads.json'), 'utf8');
    const cut = whole.slice(0, whole.indexOf(leads[2].id) + 10);
    writeFileSync(join(dir, 'leads.json'), cut);

    const opened = await openLeadStore(dir, new Date('2026-12-07T21:00:00Z'));
    expect(opened.status).toEqual({ state: 'ready' });
    expect([...opened.store!.allLeads()].map((l) => l.id)).toEqual([leads[0].id, leads[1].id]);
    const kept = join(dir, 'damaged-2026-12-07T21-00-00-000Z', 'leads.json');
    expect(opened.store!.notices()).toEqual([
      `leads.json was cut off after 2 leads: those were kept, and the file as it was is in ${kept}.`,
      expect.stringMatching(/^1 lead could not be read and was set aside/),
    ]);
    expect(readFileSync(kept, 'utf8')).toBe(cut);
    expect([...opened.store!.quarantine.all()]).toEqual([expect.objectContaining({ line: 4, text: cut.slice(cut.lastIndexOf('\n') + 1) })]);
    await opened.store!.close();
    expect(readFileSync(join(dir, 'leads.json'), 'utf8').endsWith(']}\n')).toBe(true);
  });

  it('answers busy while another owner holds the folder, and moves nothing', async () => {
    const dir = tempDir();
    await storeWithHistory(dir);
    const owner = await openLeadStore(dir, new Date());
    const before = readdirSync(dir).sort();
    const second = await openLeadStore(dir, new Date());
    expect(second.status).toMatchObject({ state: 'error', message: expect.stringMatching(/in use by another Dialdesk process/), keptFiles: [] });
    expect(readdirSync(dir).sort()).toEqual(before);
    await owner.store!.close();
  });
});
