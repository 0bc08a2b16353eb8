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
    // The law's rule and its source, then the local time in every zone the lead may be in (the CRM's and the number's).
    await expect(lead.getByRole('alert')).toContainText('United States: calls 8:00–21:00 local time (47 CFR 64.1200(c)(1); 16 CFR 310.4(c)); it is');
    // The zone by its canonical name, as the app names every zone (at 01:xx UTC the helper's zone is Etc/UTC, shown as UTC).
    const shownZone = new Intl.DateTimeFormat('en-US', { timeZone: nightZone }).resolvedOptions().timeZone;
    await expect(lead.getByRole('alert')).toContainText(` in ${shownZone}`);
    await expect(page.getByRole('region', { name: 'Current call' })).toHaveCount(0);
    await expect(lead).toContainText('No attempts yet.');
    // No account yet: the line says so on every screen.
    await expect(page.getByRole('region', { name: 'Phone line' })).toHaveText('Phone: no account set up');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
