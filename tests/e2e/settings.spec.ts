import { expect, test } from './harness-fixture.js';

test('settings save and survive a restart', async ({ page, harness }) => {
  await page.goto(harness.url);
  await page.getByRole('button', { name: 'Settings' }).click();
  const form = page.getByRole('form', { name: 'Settings' });
  await expect(form.getByLabel('Default country')).toHaveValue('US');

  await form.getByLabel('Your name').fill('Dana Reyes');
  await form.getByLabel('Company').fill('Brightline Solar');
  await form.getByLabel('Callback number').fill('+1 512 555 0182');
  await form.getByLabel('Default country').selectOption({ label: 'Canada (CA)' });
  await form.getByRole('searchbox', { name: 'Search time zones' }).fill('America/Toronto');
  await form.getByRole('listbox', { name: 'Your time zone' }).selectOption('America/Toronto');
  await form.getByLabel('Start').fill('08:30');
  await form.getByLabel('End').fill('16:00');
  await form.getByRole('checkbox', { name: 'Friday' }).uncheck();
  await form.getByRole('checkbox', { name: 'Saturday' }).check();
  await form.getByRole('button', { name: 'Save settings' }).click();
  await expect(form.getByRole('status')).toHaveText('Settings saved.');
  await expect(form.getByLabel('Default country')).toHaveValue('CA');

  await page.goto(await harness.restart());
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(form.getByLabel('Your name')).toHaveValue('Dana Reyes');
  await expect(form.getByLabel('Company')).toHaveValue('Brightline Solar');
  await expect(form.getByLabel('Callback number')).toHaveValue('+1 512 555 0182');
  await expect(form.getByLabel('Default country')).toHaveValue('CA');
  await expect(form.getByLabel('Your time zone')).toHaveValue('America/Toronto');
  await expect(form.getByLabel('Start')).toHaveValue('08:30');
  await expect(form.getByLabel('End')).toHaveValue('16:00');
  await expect(form.getByRole('checkbox', { name: 'Friday' })).not.toBeChecked();
  await expect(form.getByRole('checkbox', { name: 'Saturday' })).toBeChecked();
  await expect(form.getByRole('checkbox', { name: 'Monday' })).toBeChecked();
});

test('invalid settings are refused with the reason next to the field, and nothing is saved', async ({ page, harness }) => {
  await page.goto(harness.url);
  await page.getByRole('button', { name: 'Settings' }).click();
  const form = page.getByRole('form', { name: 'Settings' });
  await expect(form.getByLabel('Default country')).toHaveValue('US');

  await form.getByLabel('Your name').fill('Not Saved');
  // The country is chosen from a list of real ones: a three-letter code cannot be entered (the core refuses one too).
  await expect(form.getByLabel('Default country').locator('option[value="USA"]')).toHaveCount(0);
  await expect(form.getByLabel('Default country').locator('option[value="CA"]')).toHaveText('Canada (CA)');

  await form.getByLabel('Start').fill('17:00');
  await form.getByLabel('End').fill('09:00');
  await form.getByRole('button', { name: 'Save settings' }).click();
  await expect(form.getByRole('alert')).toContainText('working hours must end after they start');

  // Nothing from the refused saves reached the store.
  await page.reload();
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(form.getByLabel('Your name')).toHaveValue('');
  await expect(form.getByLabel('Start')).toHaveValue('09:00');
});
