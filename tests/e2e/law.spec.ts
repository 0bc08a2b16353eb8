/**
 * The law where the lead is, as the rep meets it: at 20:30 in Miami the Florida lead's panel names
 * Florida's rule and its source, and a block started then never queues her, while New York leads,
 * under the federal 21:00, still are.
 */
import { saveRepSettings } from './call-lab.js';
import { expect, test, skipOnboarding } from './harness-fixture.js';

// Wednesday 13 January 2027: 20:30 in Miami and New York, 17:30 in Los Angeles (the rep's zone).
test.use({ harnessNow: '2027-01-14T01:30:00Z' });

test("a Florida lead at 20:30 shows Florida's reason in its panel and is not in the block queue", async ({ page, harness }) => {
  await page.goto(harness.url);
  await skipOnboarding(page);
  await page.getByRole('button', { name: 'Load sample leads' }).click();
  await expect(page.getByText('15 leads')).toBeVisible();
  await saveRepSettings(page, 'America/Los_Angeles');

  await page.getByRole('button', { name: /^Leads/ }).click();
  await page.getByRole('listbox', { name: 'Leads' }).getByRole('option', { name: /Sofia Marin/ }).click();
  const schedule = page.getByRole('complementary', { name: 'Sofia Marin' }).getByRole('region', { name: 'Schedule' });
  await expect(schedule.locator('.dial-refused')).toHaveText(
    'Florida: calls 8:00–20:00 local time (Fla. Stat. § 501.616(6)(a)); it is 20:30 in America/New_York',
  );

  await page.getByRole('button', { name: 'Dial block' }).click();
  await page.getByRole('form', { name: 'Start a dial block' }).getByRole('button', { name: 'Start block' }).click();
  const block = page.getByRole('region', { name: 'Dial block' });
  await expect(block).toBeVisible();

  // Walk the whole queue with S (skip, reason, Enter) and note every lead it offers.
  const offered: string[] = [];
  const summary = page.getByRole('region', { name: 'Block summary' });
  for (let i = 0; i < 16 && !(await summary.isVisible()); i++) {
    const name = (await block.locator('.focus-name').textContent())?.trim() ?? '';
    offered.push(name);
    await page.keyboard.press('s');
    await page.keyboard.type('law e2e');
    await page.keyboard.press('Enter');
    await expect(summary.or(block.locator('.focus-name').filter({ hasNotText: name }))).toBeVisible();
  }
  expect(offered).toContain('Dana Whitfield');
  expect(offered).not.toContain('Sofia Marin');
});
