import { expect, test, skipOnboarding } from './harness-fixture.js';

test('the calling schedule saves bands, cadence and dial blocks, and the lead\'s strip uses the new bands', async ({ page, harness }) => {
  await page.goto(harness.url);
  await skipOnboarding(page);
  await page.getByRole('button', { name: 'Load sample leads' }).click();
  await expect(page.getByText('15 leads')).toBeVisible();
  await page.getByRole('button', { name: 'Settings' }).click();
  const form = page.getByRole('form', { name: 'Calling schedule' });
  const bands = form.getByRole('list', { name: 'Bands' });
  await expect(bands.getByRole('listitem')).toHaveCount(6);
  await expect(form.getByLabel('Legal window start')).toHaveValue('08:00');
  await expect(form.getByLabel('Legal window end')).toHaveValue('21:00');

  // Three wide bands instead of six narrow ones.
  for (let i = 0; i < 3; i++) await form.getByRole('button', { name: 'Remove band 4' }).click();
  await expect(bands.getByRole('listitem')).toHaveCount(3);
  await form.getByLabel('Band 1 end').fill('12:00');
  await form.getByLabel('Band 2 start').fill('12:00');
  await form.getByLabel('Band 2 end').fill('16:00');
  await form.getByLabel('Band 3 start').fill('16:00');
  await form.getByLabel('Band 3 end').fill('20:00');
  await form.getByLabel('Attempts per cadence').fill('6');
  await form.getByLabel('Minimum gap between attempts').selectOption('minutes');
  await form.getByLabel('Gap (minutes)').fill('180');
  await form.getByRole('button', { name: 'Add dial block' }).click();
  await form.getByLabel('Dial block 1 start').fill('08:30');
  await form.getByLabel('Dial block 1 end').fill('10:30');
  await form.getByRole('group', { name: 'Dial block 1 days' }).getByRole('checkbox', { name: 'Friday' }).uncheck();
  await form.getByLabel('Round promised times to').selectOption('15');
  await form.getByRole('button', { name: 'Save calling schedule' }).click();
  await expect(form.getByRole('status')).toHaveText('Calling schedule saved.');

  await page.reload();
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(bands.getByRole('listitem')).toHaveCount(3);
  await expect(form.getByLabel('Band 2 end')).toHaveValue('16:00');
  await expect(form.getByLabel('Attempts per cadence')).toHaveValue('6');
  await expect(form.getByLabel('Gap (minutes)')).toHaveValue('180');
  await expect(form.getByLabel('Dial block 1 start')).toHaveValue('08:30');
  await expect(form.getByRole('group', { name: 'Dial block 1 days' }).getByRole('checkbox', { name: 'Friday' })).not.toBeChecked();
  await expect(form.getByRole('group', { name: 'Dial block 1 days' }).getByRole('checkbox', { name: 'Monday' })).toBeChecked();
  await expect(form.getByLabel('Round promised times to')).toHaveValue('15');

  await page.getByRole('button', { name: /^Leads/ }).click();
  await page.getByRole('listbox', { name: 'Leads' }).getByRole('option', { name: /Ben Adler/ }).click();
  const schedule = page.getByRole('complementary', { name: 'Ben Adler' }).getByRole('region', { name: 'Schedule' });
  await expect(schedule.locator('.strip-band')).toHaveCount(3);
  await expect(schedule.getByRole('progressbar', { name: 'Cadence: 0 of 6 attempts' })).toBeVisible();
});

test('bad schedule rows are marked next to the row, and the core\'s refusals next to the field', async ({ page, harness }) => {
  await page.goto(harness.url);
  await page.getByRole('button', { name: 'Settings' }).click();
  const form = page.getByRole('form', { name: 'Calling schedule' });
  await expect(form.getByRole('list', { name: 'Bands' }).getByRole('listitem')).toHaveCount(6);

  await form.getByLabel('Band 2 start').fill('09:00');
  await form.getByRole('button', { name: 'Save calling schedule' }).click();
  await expect(form.getByText('overlaps band 1 (08:00–10:00)')).toBeVisible();
  await expect(form.getByLabel('Band 2 start')).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByRole('alert')).toHaveText('Fix the marked rows to save.');
  await form.getByLabel('Band 2 start').fill('10:00');

  // The core judges the numbers: 0 attempts is refused, with the reason next to the field.
  await form.getByLabel('Attempts per cadence').fill('0');
  await form.getByRole('button', { name: 'Save calling schedule' }).click();
  await expect(form.getByRole('alert').filter({ hasText: 'The calling schedule was not saved' })).toBeVisible();
  await expect(form.getByLabel('Attempts per cadence')).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByRole('status')).toHaveText('');

  await page.reload();
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(form.getByLabel('Attempts per cadence')).toHaveValue('8');
  await expect(form.getByLabel('Band 2 start')).toHaveValue('10:00');
});

test('the legal window can be made stricter, never wider than 8:00–21:00', async ({ page, harness }) => {
  await page.goto(harness.url);
  await page.getByRole('button', { name: 'Settings' }).click();
  const form = page.getByRole('form', { name: 'Calling schedule' });
  await expect(form.getByLabel('Legal window start')).toHaveValue('08:00');

  await form.getByLabel('Legal window start').fill('00:00');
  await form.getByLabel('Legal window end').fill('23:59');
  await form.getByRole('button', { name: 'Save calling schedule' }).click();
  await expect(form.getByText('the legal window can only be made stricter than 08:00–21:00, never wider')).toBeVisible();
  await expect(form.getByRole('status')).toHaveText('');

  await form.getByLabel('Legal window start').fill('09:00');
  await form.getByLabel('Legal window end').fill('20:00');
  await form.getByRole('button', { name: 'Save calling schedule' }).click();
  await expect(form.getByRole('status')).toHaveText('Calling schedule saved.');
  await page.reload();
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(form.getByLabel('Legal window start')).toHaveValue('09:00');
  await expect(form.getByLabel('Legal window end')).toHaveValue('20:00');
});
