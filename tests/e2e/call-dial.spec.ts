/**
 * The Dial button without a lab: the core's dial gate refuses outside the lead's calling window,
 * and the reason is shown next to the button; nothing rings and no attempt is recorded.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afternoonZone } from './call-lab.js';
import { expect, test } from './harness-fixture.js';

test('Dial outside the lead\'s calling window shows the core\'s reason and places no call', async ({ page, harness }) => {
  // 13:xx twelve hours on is 01:xx: the middle of the lead's night.
  const nightZone = afternoonZone(new Date(Date.now() + 12 * 3600_000));
  const dir = mkdtempSync(join(tmpdir(), 'dialdesk-e2e-dial-'));
  try {
    const csv = join(dir, 'night-lead.csv');
    writeFileSync(csv, `First Name,Last Name,Company,Phone,Time Zone\nNina,Night,Late Owls,+1 212 555 0148,${nightZone}\n`);
    await page.goto(harness.url);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByLabel('Choose CSV file').setInputFiles(csv);
    await page.getByRole('button', { name: 'Import 1 rows' }).click();
    await expect(page.getByText(/Imported 1 of 1 rows?/)).toBeVisible();
    await page.getByRole('button', { name: 'Show leads' }).click();
    await page.getByRole('listbox', { name: 'Leads' }).getByRole('option', { name: /Nina Night/ }).click();
    const lead = page.getByRole('complementary', { name: 'Nina Night' });

    await lead.getByRole('button', { name: 'Dial' }).click();
    await expect(lead.getByRole('alert')).toContainText(`in ${nightZone}; calls are allowed 8:00–21:00 local`);
    await expect(page.getByRole('region', { name: 'Current call' })).toHaveCount(0);
    await expect(lead).toContainText('No attempts yet.');
    // No account yet: the line says so on every screen.
    await expect(page.getByRole('region', { name: 'Phone line' })).toHaveText('Phone: no account set up');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
