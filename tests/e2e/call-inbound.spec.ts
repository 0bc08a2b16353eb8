/**
 * An inbound call through the real UI: a lead (sipp, through the lab's Kamailio) calls the rep;
 * the ringing panel names the caller and the matched lead; Decline answers 486, which is the only
 * answer the sipp scenario accepts. (Answering needs WebRTC media towards a plain-RTP caller,
 * which the lab's Kamailio only translates for calls from the WebRTC side; the outbound audio
 * test covers media.)
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LAB_PASSWORD } from '../lab/lab.js';
import { configurePhone, REP_AOR, withLab } from './call-lab.js';
import { expect, test } from './harness-fixture.js';

const CALLER = '+12125550149';

test('an inbound call rings with the matched lead, and Decline answers busy', async ({ page, harness }) => {
  test.setTimeout(60_000);
  await withLab('e2e-inbound', async (lab) => {
    await lab.startKamailio({ auth: true });
    await page.goto(harness.url);

    const dir = mkdtempSync(join(tmpdir(), 'dialdesk-e2e-inbound-'));
    try {
      const csv = join(dir, 'caller.csv');
      writeFileSync(csv, 'First Name,Last Name,Company,Phone\nIvy,Inbound,Callback Co,+1 212 555 0149\n');
      await page.getByRole('button', { name: 'Import', exact: true }).click();
      await page.getByLabel('Choose CSV file').setInputFiles(csv);
      await page.getByRole('button', { name: 'Import 1 rows' }).click();
      await expect(page.getByText(/Imported 1 of 1 rows?/)).toBeVisible();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }

    await configurePhone(page, LAB_PASSWORD);
    const line = page.getByRole('region', { name: 'Phone line' });
    await expect(line).toHaveText(`Phone: registered as ${REP_AOR}`, { timeout: 15_000 });

    const sipp = await lab.startSipp({ role: 'uac', scenario: 'uac_expect_486.xml', service: 'rep', keys: { caller: CALLER }, timeoutSeconds: 25 });
    const ringing = page.getByRole('region', { name: 'Incoming call' });
    await expect(ringing).toContainText(`Lead Caller (${CALLER})`, { timeout: 10_000 });
    await expect(ringing).toContainText('Lead: Ivy Inbound, Callback Co');
    await ringing.getByRole('button', { name: 'Decline' }).click();

    const exit = await sipp.waitExit(20_000);
    expect(exit.code, `sipp did not get its 486; see ${lab.runDir}`).toBe(0);
    await expect(ringing).toHaveCount(0);
    await expect(page.getByRole('region', { name: 'Current call' })).toContainText('Declined');
  });
});
