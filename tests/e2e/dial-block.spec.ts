/**
 * The dial block from the keyboard, without a phone line: start it, skip a lead with a reason,
 * pause and resume, try to dial (the core says why it cannot), list the shortcuts, end it and read
 * its summary; the stats screen draws its charts. The lab flood test covers the line itself.
 */
import { expect, test, skipOnboarding } from './harness-fixture.js';

// A Tuesday, 11:00 in New York: the sample's East Coast leads are due.
test.use({ harnessNow: '2026-12-01T16:00:00Z' });

test('a block driven by keys alone: skip with a reason, pause, resume, dial refused with the reason, end with a summary', async ({ page, harness }) => {
  await page.goto(harness.url);
  await skipOnboarding(page);
  await page.getByRole('button', { name: 'Load sample leads' }).click();
  await expect(page.getByText('15 leads')).toBeVisible();
  await page.getByRole('button', { name: 'Dial block' }).click();

  const form = page.getByRole('form', { name: 'Start a dial block' });
  await form.getByRole('button', { name: 'Start block' }).focus();
  await page.keyboard.press('Enter');

  const block = page.getByRole('region', { name: 'Dial block' });
  await expect(block).toBeVisible();
  await expect(block.getByRole('status').last()).toHaveText('Ready — Space dials');
  const first = await block.locator('.focus-name').textContent();
  await expect(block.getByLabel('Opener')).not.toBeEmpty();
  // Every shortcut is on screen.
  await expect(block.getByRole('table', { name: 'Keyboard shortcuts' })).toContainText('Space');

  // S: skip, with a reason typed and Enter.
  await page.keyboard.press('s');
  await page.keyboard.type('asked for email only');
  await page.keyboard.press('Enter');
  await expect(block.locator('.focus-name')).not.toHaveText(first ?? '');

  // P pauses, P resumes.
  await page.keyboard.press('p');
  await expect(block.getByText(/Paused\. Press P to resume/)).toBeVisible();
  await page.keyboard.press('p');
  await expect(block.getByText(/Paused\./)).toHaveCount(0);

  // Space dials through the core's gate: no phone account yet, and it says so.
  await page.keyboard.press(' ');
  await expect(block.getByRole('alert')).toContainText('No SIP account is set up.');
  // Nothing rings: no call bar.
  await expect(page.getByRole('region', { name: 'Current call' })).toHaveCount(0);

  // E ends the block; the summary is its record.
  await page.keyboard.press('e');
  const summary = page.getByRole('region', { name: 'Block summary' });
  await expect(summary).toBeVisible();
  await expect(summary).toContainText('Skipped1');
  await expect(summary).toContainText('Dials0');

  // The stats screen reads the fold; with no call in it, it draws no empty charts and says what will appear and how.
  await page.getByRole('button', { name: 'Stats' }).click();
  const stats = page.getByRole('region', { name: 'Stats' });
  await expect(stats.getByLabel('Totals')).toContainText('Dials0');
  const empty = stats.getByRole('note', { name: 'No calls yet' });
  await expect(empty).toContainText('No calls in this range, so there is nothing to chart.');
  await expect(empty).toContainText('connect rate by the lead’s local hour');
  await expect(stats.getByLabel('Connect rate by hour')).toHaveCount(0);
  await expect(stats.locator('.recharts-wrapper')).toHaveCount(0);
  await stats.getByRole('button', { name: 'All time' }).click();
  await expect(empty).toContainText('No calls yet, so there is nothing to chart.');
  await expect(empty).toContainText('start a dial block on the Dial block screen');
});
