import { expect, test } from './harness-fixture.js';

test('a typo in a variable shows inline and blocks saving; a pitchy script gets the coach\'s warnings and saves as a new version', async ({ page, harness }) => {
  await page.goto(harness.url);
  await page.getByRole('button', { name: 'Scripts' }).click();
  await expect(page.getByRole('heading', { name: 'Voicemail scripts' })).toBeVisible();

  // The shipped scripts, per stage, pass the coach.
  const first = page.getByRole('region', { name: 'First voicemail' });
  const referral = first.getByRole('listitem', { name: 'First voicemail — referral' });
  await expect(referral).toContainText('v1');
  await expect(referral).toContainText('Coach: no notes.');
  await expect(page.getByRole('region', { name: 'Follow-up' })).toContainText('calling as promised');
  await expect(page.getByRole('region', { name: 'Last voicemail (opt-out)' }).getByRole('listitem')).toHaveCount(1);

  await first.getByRole('button', { name: 'New first voicemail script' }).click();
  const editor = page.getByRole('form', { name: 'New script' });
  await editor.getByLabel('Script name').fill('Typo');
  const template = editor.getByLabel('Template');
  await template.fill('Hi {frist_name}, call me at {callback_number}.');
  await expect(editor.getByRole('list', { name: 'Errors' })).toContainText('Unknown variable {frist_name}');
  await expect(template).toHaveAttribute('aria-invalid', 'true');
  await expect(editor.getByRole('button', { name: 'Save script' })).toBeDisabled();

  // Fixing it clears the error; the coach still has notes while typing.
  await template.fill('Hi {first_name}, our platform has a free trial and a discount!');
  await expect(editor.getByRole('list', { name: 'Errors' })).toHaveCount(0);
  const coach = editor.getByRole('list', { name: 'Coach warnings' });
  await expect(coach).toContainText('Sell the return call, not the product');
  await expect(coach).toContainText('Leave the number to call back');
  await expect(coach).toContainText('Say who is calling');

  // The variable help inserts at the cursor.
  await template.press('End');
  await editor.getByRole('button', { name: 'Insert {rep_name}' }).click();
  await expect(template).toHaveValue('Hi {first_name}, our platform has a free trial and a discount!{rep_name}');
  await expect(coach).not.toContainText('Say who is calling');

  await editor.getByLabel('Script name').fill('Pitchy');
  await editor.getByRole('button', { name: 'Save script' }).click();
  await expect(page.getByRole('status')).toHaveText('Saved “Pitchy”, version 1.');
  const pitchy = first.getByRole('listitem', { name: 'Pitchy' });
  await expect(pitchy.getByRole('list', { name: 'Coach warnings' })).toContainText('Sell the return call, not the product');

  // Editing saves a new version; the active switch does too.
  await pitchy.getByRole('button', { name: 'Edit Pitchy' }).click();
  const edit = page.getByRole('form', { name: 'Edit Pitchy' });
  await edit.getByLabel('Template').fill('Hi {first_name}, {rep_name} here. Call me back at {callback_number}; I will try you {next_attempt}.');
  await expect(edit.getByText('Coach: no notes.')).toBeVisible();
  await edit.getByRole('button', { name: 'Save version 2' }).click();
  await expect(page.getByRole('status')).toHaveText('Saved “Pitchy”, version 2.');
  await expect(pitchy).toContainText('v2');
  await expect(pitchy).toContainText('Coach: no notes.');

  await pitchy.getByRole('checkbox', { name: 'Active' }).uncheck();
  await expect(page.getByRole('status')).toHaveText('Pitchy is now off (version 3).');
  await expect(pitchy.getByRole('checkbox', { name: 'Active' })).not.toBeChecked();

  // It all lives in the core: a restart shows the latest version.
  await page.goto(await harness.restart());
  await page.getByRole('button', { name: 'Scripts' }).click();
  await expect(page.getByRole('listitem', { name: 'Pitchy' })).toContainText('v3');
});
