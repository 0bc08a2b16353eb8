/**
 * A real call through the real renderer: Chromium (fake microphone playing 440 Hz) → the media
 * module's RTCPeerConnection ⇄ the core's sip.js over the harness → Kamailio (WebSocket, digest
 * auth) → rtpengine (DTLS-SRTP ⇄ RTP) → baresip as the lead's phone, which auto-answers, plays a
 * spoken line then a steady 1000 Hz tone, and records what it receives. Audio is measured both
 * ways before the hold (an AnalyserNode on the page's remote `<audio>` element; sox on baresip's
 * recording, which baresip 1.0 stops writing at the first re-INVITE), and again after the resume
 * (the page's `<audio>` once more, plus RTP counters from rtpengine's ng `query` and baresip's
 * `audio_debug`, since the recording no longer covers that part).
 *
 * Lab processes use fixed loopback ports (tests/lab/README.md): never run this beside `npm run test:lab`.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LAB_PASSWORD } from '../lab/lab.js';
import { afternoonZone, configurePhone, expectLeadSilentWhileHeld, expectMediaBothWays, expectLeadToneHeard, expectMicToneInLeadRecording, fakeMediaLaunchOptions, LEAD_DIGITS, micToneWav, REP_AOR, startAudioLab, withLab } from './call-lab.js';
import { expect, test } from './harness-fixture.js';


test.use({ launchOptions: fakeMediaLaunchOptions(micToneWav()) });

test('a call from the UI carries audio both ways through Kamailio + rtpengine to baresip, and lands in the lead history', async ({ page, harness }, testInfo) => {
  test.setTimeout(120_000);
  await withLab('e2e-audio', async (lab) => {
    const baresip = await startAudioLab(lab);

    // The rep's calendar and the lead's zone: early afternoon in both, every day, so the dial gate allows the call now.
    const zone = afternoonZone();
    await page.goto(harness.url);
    await page.getByRole('button', { name: 'Settings' }).click();
    const settings = page.getByRole('form', { name: 'Settings' });
    await settings.getByRole('searchbox', { name: 'Search time zones' }).fill(zone);
    await settings.getByRole('listbox', { name: 'Your time zone' }).selectOption(zone);
    await settings.getByLabel('Start').fill('09:00');
    await settings.getByLabel('End').fill('18:00');
    for (const day of ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']) {
      await settings.getByRole('checkbox', { name: day }).check();
    }
    await settings.getByRole('button', { name: 'Save settings' }).click();
    await expect(settings.getByRole('status')).toHaveText('Settings saved.');

    // The phone account, typed into the Phone screen; voice processing off so the tone keeps its level.
    await configurePhone(page, LAB_PASSWORD);
    await page.getByRole('checkbox', { name: /Echo cancellation and noise suppression/ }).uncheck();
    const line = page.getByRole('region', { name: 'Phone line' });
    await expect(line).toHaveText(`Phone: registered as ${REP_AOR}`, { timeout: 15_000 });

    // The lead, imported through the UI.
    const csv = join(lab.runDir, 'lab-lead.csv');
    writeFileSync(csv, `First Name,Last Name,Company,Phone,Time Zone\nLena,Lab,Loopback Phones,+${LEAD_DIGITS},${zone}\n`);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByLabel('Choose CSV file').setInputFiles(csv);
    await page.getByRole('button', { name: 'Import 1 rows' }).click();
    await expect(page.getByText(/Imported 1 of 1 rows?/)).toBeVisible();
    await page.getByRole('button', { name: 'Show leads' }).click();
    await page.getByRole('listbox', { name: 'Leads' }).getByRole('option', { name: /Lena Lab/ }).click();
    const lead = page.getByRole('complementary', { name: 'Lena Lab' });
    await expect(lead).toContainText('No attempts yet.');

    // Dial from the lead; baresip answers at once.
    await lead.getByRole('button', { name: 'Dial' }).click();
    const bar = page.getByRole('region', { name: 'Current call' });
    await expect(bar).toContainText(`+${LEAD_DIGITS}`);
    await expect(bar).toContainText('Connected', { timeout: 20_000 });
    // Screen readers hear it through the app's one call live region.
    await expect(page.getByTestId('call-announcer')).toHaveText(/^Connected with /);
    await expect(bar.getByLabel('Call time')).toHaveText(/^0:0\d$/);
    // The same panel as a dial block's focus view: what to say first, and the permission question.
    await expect(bar.getByLabel('Opener')).toHaveText(/^Hi \S+/);
    await expect(bar.getByText('May I contact you again when there is something new?').first()).toBeVisible();

    await expectLeadToneHeard(page, testInfo, 'connected', 15_000);
    // The call bar's own meters move: our microphone (the fake tone) is live.
    const micMeter = bar.getByRole('meter', { name: 'Microphone level' });
    await expect.poll(() => micMeter.evaluate((m: HTMLMeterElement) => m.value), { timeout: 5000 }).toBeGreaterThan(0.5);

    // Mute and unmute through the core and the media module; the call stays up.
    await bar.getByRole('button', { name: 'Mute' }).click();
    await expect(bar.getByRole('button', { name: 'Mute' })).toHaveAttribute('aria-pressed', 'true');
    await bar.getByRole('button', { name: 'Mute' }).click();
    await expect(bar.getByRole('button', { name: 'Mute' })).toHaveAttribute('aria-pressed', 'false');
    await expect(bar).toContainText('Connected');

    // The keypad: RFC 4733 events from the page's RTCDTMFSender, decoded by baresip (through rtpengine).
    const logFrom = baresip.proc.log.length;
    await bar.getByRole('button', { name: 'Keypad' }).click();
    for (const key of ['1', '5', '9', '#']) await bar.getByRole('button', { name: `Send ${key}` }).click();
    await expect(bar.getByText('Sent: 159#')).toBeVisible();
    await baresip.proc.waitFor(/received event: '#' \(end=1\)/, 10_000, logFrom);
    const digits = [...baresip.proc.log.slice(logFrom).matchAll(/received event: '(.)' \(end=1\)/g)].map((m) => m[1]).join('');
    expect(digits).toBe('159#');

    // Hold and resume: re-INVITEs with the page's sendonly/sendrecv offers; baresip answers recvonly while held.
    // The first re-INVITE also ends baresip's recording of what it receives (baresip 1.0), though RTP keeps arriving.
    const holdFrom = baresip.proc.log.length;
    await bar.getByRole('button', { name: 'Hold' }).click();
    await expect(bar.getByRole('button', { name: 'Hold' })).toHaveAttribute('aria-pressed', 'true');
    await expect(bar).toContainText('On hold');
    await baresip.proc.waitFor(/a=recvonly/, 5000, holdFrom);
    // While held the lead's phone sends nothing and the page hears no tone: the checks after the resume tell that apart.
    await expectLeadSilentWhileHeld(page, testInfo);
    // And the lead on hold must not overhear the rep: the microphone track the page sends is silenced,
    // which the call bar's meter (reading that same track) shows as zero.
    const micLevel = () => micMeter.evaluate((m: HTMLMeterElement) => m.value);
    await expect.poll(micLevel, { timeout: 5000 }).toBeLessThan(0.02);
    await bar.getByRole('button', { name: 'Hold' }).click();
    await expect(bar.getByRole('button', { name: 'Hold' })).toHaveAttribute('aria-pressed', 'false');
    await expect(bar).toContainText('Connected');
    const seconds = async () => Number((await bar.getByLabel('Call time').textContent())?.split(':')[1] ?? 0);
    const resumedAt = await seconds();

    // After the resume, both ways again: the page hears the lead's tone; the rep's RTP is relayed by
    // rtpengine and counted as received by baresip; the lead's RTP flows too (tests/e2e/call-lab.ts).
    await expectMediaBothWays(page, testInfo, 'after resume');
    await expect.poll(micLevel, { timeout: 5000 }).toBeGreaterThan(0.5);

    // The call stays up ~3 s past the resume (by the call timer, not a sleep), then hang up from the UI.
    await expect.poll(seconds, { timeout: 10_000 }).toBeGreaterThanOrEqual(resumedAt + 3);
    await bar.getByRole('button', { name: 'Hang up' }).click();
    await expect(bar).toContainText('You hung up');
    await expect(page.getByTestId('call-announcer')).toHaveText(/^Call with .+ ended: hangup local$/);

    // What the lead heard before the hold (after the unmute, around the keypad digits): our tone in
    // baresip's recording. After the resume the rep → lead direction is the RTP counts checked above.
    await expectMicToneInLeadRecording(lab, baresip, testInfo);

    // Answered: a person or a machine, so the rep says which; that settles the call's one attempt.
    // With the dial block's key, wherever the page's focus is.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('1');
    await expect(bar).toContainText('Recorded: Conversation');
    // The attempt is in the lead's history, as a conversation.
    const history = lead.getByRole('list', { name: 'Attempt history' });
    await expect(history.getByRole('listitem')).toHaveCount(1);
    await expect(history).toContainText('Conversation');
    await expect(page.locator('audio.call-audio')).toHaveCount(0);
  });
});

test('a wrong password shows "authentication failed"; the right one then registers', async ({ page, harness }) => {
  test.setTimeout(60_000);
  await withLab('e2e-auth', async (lab) => {
    await lab.startKamailio({ auth: true });
    await page.goto(harness.url);
    await configurePhone(page, 'not-the-password');
    const line = page.getByRole('region', { name: 'Phone line' });
    await expect(line).toContainText('Phone: authentication failed', { timeout: 15_000 });
    await expect(line.getByRole('button', { name: 'Retry now' })).toBeVisible();

    // Fixing the password in the same form registers.
    const form = page.getByRole('form', { name: 'Phone account' });
    await form.getByLabel('Password', { exact: true }).fill(LAB_PASSWORD);
    await form.getByRole('button', { name: 'Save and connect' }).click();
    await expect(line).toHaveText(`Phone: registered as ${REP_AOR}`, { timeout: 15_000 });
  });
});
