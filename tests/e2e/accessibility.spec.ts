import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test, skipOnboarding } from './harness-fixture.js';

/** Serious and critical axe violations on what the page shows now, as "rule: target" lines (empty when clean). */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .flatMap((violation) => violation.nodes.map((node) => `${violation.id} (${violation.impact}): ${node.target.join(' ')} — ${violation.help}`));
}

const SCREENS = ['Leads', 'Import', 'Do not call', 'Scripts', 'Phone', 'Settings'] as const;

test('every screen has no serious or critical accessibility violations (axe), first run included', async ({ page, harness }) => {
  test.setTimeout(180_000);
  await page.goto(harness.url);
  await expect(page.getByRole('heading', { name: 'Where you call from' })).toBeVisible();
  expect(await seriousViolations(page), 'first-run questions').toEqual([]);
  await skipOnboarding(page);
  await expect(page.getByRole('heading', { name: 'Welcome to Dialdesk' })).toBeVisible();
  expect(await seriousViolations(page), 'first run').toEqual([]);

  await page.getByRole('button', { name: 'Load sample leads' }).click();
  await expect(page.getByText('15 leads')).toBeVisible();
  for (const name of SCREENS) {
    // The Leads button also shows the lead count: match the label at the start.
    const button = page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: new RegExp(`^${name}\\b`) });
    await button.click();
    await expect(button).toHaveAttribute('aria-current', 'page');
    await expect(page.locator('main h1').first()).toBeVisible();
    expect(await seriousViolations(page), name).toEqual([]);
  }

  // A lead opened, with its outcome recorder.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: /^Leads\b/ }).click();
  await page.getByRole('listbox', { name: 'Leads' }).getByRole('option').first().click();
  expect(await seriousViolations(page), 'lead detail').toEqual([]);
});
