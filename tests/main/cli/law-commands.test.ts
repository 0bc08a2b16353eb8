import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { NumberCheck } from '../../../shared/contract/do-not-call.js';
import { cli } from '../../support/run-cli.js';
import { useTempDirs } from '../../support/temp-dir.js';

// The four numbers a new user tried: Miami, Toronto, Sydney, Paris; and a Texas lead who lives in Florida.
const LEADS = [
  'First Name,Last Name,Company,Phone,State,Country',
  'Mia,Ruiz,Sol,+1 305 555 0123,,',
  'Tom,Lee,Maple,+1 416 555 0123,,',
  'Sam,Wu,Roo,+61 2 5550 1234,,',
  'Paul,Roy,Gaule,+33 1 55 55 01 23,,',
  'Tex,Hill,Lone,+1 214 555 0123,FL,USA',
].join('\n');

describe('cli check: the law where the lead is', () => {
  const tempDir = useTempDirs();

  async function folder(): Promise<string> {
    const dir = tempDir();
    const data = join(dir, 'data');
    writeFileSync(join(dir, 'leads.csv'), LEADS);
    const imported = await cli(['import', join(dir, 'leads.csv'), '--data-dir', data]);
    expect(imported.code, imported.err + imported.out).toBe(0);
    return data;
  }

  const check = async (data: string, number: string, at: string): Promise<NumberCheck> => {
    const run = await cli(['check', number, '--at', at, '--json', '--data-dir', data]);
    expect(run.code, run.err).toBe(0);
    return JSON.parse(run.out.trim().split('\n').pop()!) as NumberCheck;
  };

  it("refuses each of the four calls the federal window allowed, naming the place's rule and source", async () => {
    const data = await folder();
    // Wednesday 13 January 2027, 20:30 in Miami (EST).
    expect((await check(data, '+13055550123', '2027-01-14T01:30:00Z')).legal).toEqual({
      allowed: false, jurisdiction: 'US-FL', rule: 'Calls 8:00–20:00 local time', source: 'Fla. Stat. § 501.616(6)(a)',
    });
    // 8:30 in Toronto on a Wednesday.
    expect((await check(data, '+14165550123', '2027-01-13T13:30:00Z')).legal).toMatchObject({
      allowed: false, jurisdiction: 'CA', rule: 'Calls 9:00–21:30 local time on weekdays', source: expect.stringContaining('CRTC'),
    });
    // Sunday 17 January 2027, 11:00 in Sydney (AEDT).
    expect((await check(data, '+61255501234', '2027-01-17T00:00:00Z')).legal).toMatchObject({
      allowed: false, jurisdiction: 'AU', rule: 'No calls on Sundays', source: expect.stringContaining('Industry Standard 2017'),
    });
    // 13:30 in Paris on a Wednesday: the lunch break.
    const paris = await check(data, '+33155550123', '2027-01-13T12:30:00Z');
    expect(paris.legal).toMatchObject({ allowed: false, jurisdiction: 'FR', rule: 'Calls 10:00–13:00 and 14:00–20:00 local time on weekdays' });
    expect(paris.allowed).toBe(false);
    expect(paris.reason).toMatch(/^France: calls 10:00–13:00 and 14:00–20:00 local time on weekdays \(Code de la consommation, art\. D\. 223-9/);
    // And allows them where the law does: 19:30 in Miami, 14:30 in Paris.
    expect((await check(data, '+13055550123', '2027-01-14T00:30:00Z')).legal).toMatchObject({ allowed: true, jurisdiction: 'US-FL' });
    expect((await check(data, '+33155550123', '2027-01-13T13:30:00Z')).legal).toMatchObject({ allowed: true, jurisdiction: 'FR' });
  });

  it("holds a lead to its address's state as well as its number's, whichever is stricter", async () => {
    const data = await folder();
    // 20:30 in Dallas and in Florida's Eastern zone is 21:30: Texas would allow 20:30, Florida refuses.
    const tex = await check(data, '+12145550123', '2027-01-14T02:30:00Z');
    expect(tex.legal).toMatchObject({ allowed: false, jurisdiction: 'US-FL' });
  });

  it('judges the law alone in `legal`: the rep\'s working hours refuse only the top-level verdict', async () => {
    const data = await folder();
    // 19:30 in Miami is legal; the rep's default hours (9:00–17:00 UTC) have ended at 00:30 UTC.
    const miami = await check(data, '+13055550123', '2027-01-14T00:30:00Z');
    expect(miami.legal.allowed).toBe(true);
    expect(miami).toMatchObject({ allowed: false, reason: expect.stringMatching(/^Outside your working hours/) });
  });

  it('log records a call made elsewhere on the lead that owns the number, and the cap counts it', async () => {
    const data = await folder();
    for (const at of ['2026-11-18T14:00:00Z', '2026-11-18T16:00:00Z', '2026-11-18T18:00:00Z']) {
      const run = await cli(['log', '+1 305 555 0123', '--outcome', 'no-answer', '--at', at, '--note', 'desk phone', '--data-dir', data]);
      expect(run.code, run.err).toBe(0);
      expect(run.out).toMatch(/^Logged no-answer at .* on Mia Ruiz/);
    }
    // A fourth call inside 24 hours breaks Florida's cap; once the first call is 24 hours old, it is allowed again.
    expect((await check(data, '+13055550123', '2026-11-18T20:00:00Z')).legal).toEqual({
      allowed: false, jurisdiction: 'US-FL', rule: 'At most 3 calls to the same person in any 24 hours', source: 'Fla. Stat. § 501.616(6)(b)',
    });
    expect((await check(data, '+13055550123', '2026-11-19T13:59:00Z')).legal.allowed).toBe(false);
    expect((await check(data, '+13055550123', '2026-11-19T14:00:00Z')).legal).toMatchObject({ allowed: true });

    const stranger = await cli(['log', '+12125550199', '--outcome', 'no-answer', '--at', '2026-11-18T16:00:00Z', '--data-dir', data]);
    expect(stranger).toMatchObject({ code: 1, err: expect.stringMatching(/^No lead has the number/) });
    const badOutcome = await cli(['log', '+13055550123', '--outcome', 'maybe', '--data-dir', data]);
    expect(badOutcome).toMatchObject({ code: 1, err: expect.stringMatching(/--outcome, one of: no-answer/) });
    const future = await cli(['log', '+13055550123', '--outcome', 'busy', '--at', '2099-01-01T00:00:00Z', '--data-dir', data]);
    expect(future).toMatchObject({ code: 0, err: expect.stringMatching(/later than this machine's clock; it is recorded as given/) });
    expect((await cli(['log', '12', '--outcome', 'busy', '--data-dir', data])).code).toBe(1);
    // A machine answered and no message was left: an outcome of its own, accepted like any other.
    expect((await cli(['log', '+13055550123', '--outcome', 'voicemail-no-message', '--at', '2026-11-20T15:00:00Z', '--data-dir', data])).code).toBe(0);
    expect(await cli(['log', '+13055550123', '--outcome', 'call-back', '--data-dir', data])).toMatchObject({ code: 1, err: expect.stringMatching(/call-back needs the time/) });
  });

  it('rules lists every jurisdiction with its sources, and dnc add refuses the number at once', async () => {
    const data = await folder();
    const rules = await cli(['rules', '--json']);
    const parsed = JSON.parse(rules.out) as { jurisdictions: Array<{ code: string; hours: { source: string } }> };
    const codes = parsed.jurisdictions.map((j) => j.code);
    for (const code of ['US', 'US-FL', 'US-OK', 'US-MD', 'US-WA', 'US-TX', 'US-UT', 'US-RI', 'US-AL', 'US-MS', 'CA', 'AU', 'FR', 'GB']) expect(codes).toContain(code);
    expect(parsed.jurisdictions.every((j) => j.hours.source.length > 0)).toBe(true);
    expect((await cli(['rules'])).out).toMatch(/US-FL +Florida \(and US's rules\)/);

    expect((await cli(['dnc', 'add', '+33 1 55 55 01 23', '--reason', 'asked on the call', '--data-dir', data])).code).toBe(0);
    const paris = await check(data, '+33155550123', '2027-01-13T13:30:00Z');
    expect(paris.legal).toMatchObject({ allowed: false, jurisdiction: 'FR', source: expect.stringContaining('L. 223-1') });
    expect((await cli(['dnc', 'add', 'nonsense', '--data-dir', data])).code).toBe(1);
  });
});
