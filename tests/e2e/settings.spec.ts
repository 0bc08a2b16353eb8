import { expect, test } from './harness-fixture.js';

test('settings save and survive a restart', async ({ page, harness }) => {
  await page.goto(harness.url);
  await page.getByRole('button', { name: 'Settings' }).click();
  const form = page.getByRole('form', { name: 'Settings' });
  await expect(form.getByLabel('Default country')).toHaveValue('US');

  await form.getByLabel('Your name').fill('Dana Reyes');
  await form.getByLabel('Company').fill('Brightline Solar');
  await form.getByLabel('Callback number').fill('+1 512 555 0182');
  await form.getByLabel('Default country').fill('ca');
  await form.getByLabel('Your time zone').fill('America/Toronto');
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
  await form.getByLabel('Default country').fill('USA');
  await form.getByRole('button', { name: 'Save settings' }).click();
  await expect(form.getByRole('alert')).toContainText('Settings were not saved');
  await expect(form.getByLabel('Default country')).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByText('expected a two-letter country code such as US', { exact: true })).toBeVisible();
  await expect(form.getByRole('status')).toHaveText('');

  await form.getByLabel('Default country').fill('US');
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
