/**
 * Practice with no phone account, from an empty data folder, at 22:30 in New York (outside every
 * sample lead's hours): the dial block offers "Try a practice block"; the practice line's far ends
 * (drawn with a pinned seed: a noisy box, a person, a busy line, a person, a number not in service) reach the call's own RTCPeerConnection; the beep detector hears each box's beep and the
 * read-out is dropped automatically; the person is the rep's (hung up and settled by keys). The
 * summary's counts match the far ends drawn, PRACTICE shows in the title, the banner and the focus
 * view, the hours show as they would in real life, and "Leave practice" returns to a real folder
 * that holds no attempt.
 */
import { join } from 'node:path';
import { drawFarEnd } from '../../main/core/practice/far-end-draw.js';
import { fakeMediaLaunchOptions, silentMic } from './call-lab.js';
import { attemptLines } from './data-folder.js';
import { expect, test } from './harness-fixture.js';

/** A noisy box, a person, a busy line, a person, a number not in service: one read-out (about 25 s) keeps the test short. */
const SEED = 32;
const MIC = silentMic(process.env.TMPDIR ?? '/tmp');
test.use({ launchOptions: fakeMediaLaunchOptions(MIC), harnessNow: '2026-12-02T03:30:00Z', harnessPracticeSeed: SEED });

test('a practice block without a phone account: boxes dropped at the beep, counts as drawn, then back to real data untouched', async ({ page, harness }) => {
  test.setTimeout(120_000);
  const drawn = [0, 1, 2, 3, 4].map((i) => drawFarEnd(SEED, i));
  expect(drawn.some((f) => f.kind === 'voicemail')).toBe(true);

  await page.goto(harness.url);
  await expect(page).toHaveTitle('Dialdesk');
  await page.getByRole('button', { name: 'Dial block' }).click();
  await page.getByRole('button', { name: 'Try a practice block' }).click();

  await expect(page.getByRole('region', { name: 'Practice mode' })).toContainText('PRACTICE');
  await expect(page).toHaveTitle('PRACTICE — Dialdesk');
  const block = page.getByRole('region', { name: 'Dial block' });
  await expect(block.getByText('PRACTICE', { exact: true })).toBeVisible();
  // 22:30 in New York: the law and the rep's hours show, and the practice call still goes ahead.
  await expect(block.getByLabel('In real life')).toContainText(/Outside .*hours in real life/);

  // A practice block power-dials: the first call places itself.
  const drop = page.getByRole('region', { name: 'Voicemail drop' });
  for (const [i, farEnd] of drawn.entries()) {
    await expect(block.locator('.block-timer')).toContainText(`${i} of 5 leads`, { timeout: 30_000 });
    if (farEnd.kind === 'voicemail') {
      // The box's greeting, then its beep: the detector drops the message by itself and the call is hung up.
      await expect(drop).toContainText('Voicemail left', { timeout: 45_000 });
    } else if (farEnd.kind === 'person') {
      await expect(block.getByRole('status').last()).toHaveText('Answered — conversation', { timeout: 15_000 });
      await expect(drop).toContainText('A person answered', { timeout: 15_000 });
      await block.focus();
      await page.keyboard.press('h');
      await page.keyboard.press('1');
    }
  }

  const summary = page.getByRole('region', { name: 'Block summary' });
  await expect(summary).toBeVisible({ timeout: 30_000 });
  const count = (kind: string) => drawn.filter((f) => f.kind === kind).length;
  const figure = async (term: string) => summary.locator(`dt:text-is("${term}") + dd`).textContent();
  expect(await figure('Dials')).toBe('5');
  expect(await figure('Voicemails left')).toBe(String(count('voicemail')));
  expect(await figure('Conversations')).toBe(String(count('person')));

  // The banner counts the practice calls and says when the first voicemail was left (the bench reads its attribute).
  const runNote = page.getByLabel('Practice calls');
  await expect(runNote).toContainText('5 practice calls · first voicemail left at');
  expect(Date.parse((await runNote.getAttribute('data-first-voicemail-at')) ?? '')).not.toBeNaN();
  // Every practice call is an attempt, in the practice folder.
  expect(attemptLines(join(harness.dataDir, 'practice'))).toBe(5);

  // The stats screen shows the practice figures.
  await page.getByRole('button', { name: 'Stats' }).click();
  await expect(page.getByRole('region', { name: 'Practice mode' })).toBeVisible();
  const totals = page.getByRole('region', { name: 'Stats' }).getByLabel('Totals');
  await page.getByRole('button', { name: 'All time' }).click();
  await expect(totals.locator('dt:text-is("Dials") + dd')).toHaveText('5');
  await expect(totals.locator('dt:text-is("Voicemails left") + dd')).toHaveText(String(count('voicemail')));

  await page.getByRole('button', { name: 'Leave practice' }).click();
  await expect(page.getByRole('region', { name: 'Practice mode' })).toHaveCount(0);
  await expect(page).toHaveTitle('Dialdesk');
  // The last practice call stays with practice: no call line, no voicemail bar about a practice lead.
  await expect(page.getByRole('region', { name: 'Current call' })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Voicemail drop' })).toHaveCount(0);
  // The real folder: no lead was loaded there, no attempt written, and its stats count nothing.
  expect(attemptLines(harness.dataDir)).toBe(0);
  await page.getByRole('button', { name: 'All time' }).click();
  await expect(totals.locator('dt:text-is("Dials") + dd')).toHaveText('0');
  // Still a first run there: its questions (never answered in this test), then the doors.
  await page.getByRole('button', { name: 'Leads', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Where you call from' })).toBeVisible();
  await page.getByRole('button', { name: 'Skip', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Load sample leads' })).toBeVisible();
});
