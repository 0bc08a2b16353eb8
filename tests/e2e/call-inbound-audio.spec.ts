/**
 * An inbound call the rep accepts, with real audio both ways: baresip as a lead's phone dials the
 * rep (a command over its ctrl_tcp module) → Kamailio (UDP, plain RTP/AVP offer) → rtpengine
 * offers ICE + DTLS-SRTP to the rep's WebSocket registration → the core's sip.js → the renderer's
 * RTCPeerConnection answers (Chromium's fake microphone plays 440 Hz). The ringing panel names
 * the matched lead; after Accept, audio is measured both ways as in call-audio.spec.ts (an
 * AnalyserNode on the page's `<audio>`, sox on baresip's recording, which ends at the first
 * re-INVITE), again after each resume (the page's `<audio>`, RTP counters from rtpengine and
 * baresip), and the core's inbound log has the call as accepted, for that lead.
 *
 * Lab processes use fixed loopback ports (tests/lab/README.md): never run this beside `npm run test:lab`.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { baresipCommand, LAB_PASSWORD } from '../lab/lab.js';
import { configurePhone, expectLeadSilentWhileHeld, expectMediaBothWays, expectLeadToneHeard, expectMicToneInLeadRecording, fakeMediaLaunchOptions, LEAD_DIGITS, micToneWav, REP_AOR, startAudioLab, withLab } from './call-lab.js';
import { expect, test } from './harness-fixture.js';

/** baresip registers as this user, so its calls come From the lead's number. */
const LEAD_E164 = `+${LEAD_DIGITS}`;

test.use({ launchOptions: fakeMediaLaunchOptions(micToneWav()) });

test('an inbound call from a lead, accepted in the UI, carries audio both ways and is logged as accepted', async ({ page, harness }, testInfo) => {
  test.setTimeout(120_000);
  await withLab('e2e-inbound-audio', async (lab) => {
    const baresip = await startAudioLab(lab);

    await page.goto(harness.url);
    // The lead, imported through the UI: its number is baresip's caller ID.
    const csv = join(lab.runDir, 'lab-lead.csv');
    writeFileSync(csv, `First Name,Last Name,Company,Phone\nLena,Lab,Loopback Phones,${LEAD_E164}\n`);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByLabel('Choose CSV file').setInputFiles(csv);
    await page.getByRole('button', { name: 'Import 1 rows' }).click();
    await expect(page.getByText(/Imported 1 of 1 rows?/)).toBeVisible();

    // The phone account, typed into the Phone screen; voice processing off so the tone keeps its level.
    await configurePhone(page, LAB_PASSWORD);
    await page.getByRole('checkbox', { name: /Echo cancellation and noise suppression/ }).uncheck();
    const line = page.getByRole('region', { name: 'Phone line' });
    await expect(line).toHaveText(`Phone: registered as ${REP_AOR}`, { timeout: 15_000 });

    // The lead's phone calls the rep.
    const dialed = await baresipCommand('dial', REP_AOR);
    expect(dialed.ok, `baresip refused to dial: ${dialed.data}`).toBe(true);
    const ringing = page.getByRole('region', { name: 'Incoming call' });
    await expect(ringing).toContainText(LEAD_E164, { timeout: 10_000 });
    await expect(ringing).toContainText('Lead: Lena Lab, Loopback Phones');
    await ringing.getByRole('button', { name: 'Accept' }).click();

    const bar = page.getByRole('region', { name: 'Current call' });
    await expect(ringing).toHaveCount(0, { timeout: 15_000 });
    await expect(bar).toContainText(LEAD_E164);
    await expect(bar).toContainText('Connected', { timeout: 15_000 });

    await expectLeadToneHeard(page, testInfo, 'connected', 15_000);
    const micMeter = bar.getByRole('meter', { name: 'Microphone level' });
    await expect.poll(() => micMeter.evaluate((m: HTMLMeterElement) => m.value), { timeout: 5000 }).toBeGreaterThan(0.5);

    // Let the tone run ~3 s more (by the call timer, not a sleep) before any re-INVITE: baresip 1.0's
    // recording of what it receives stops at the first re-INVITE (RTP keeps arriving), so the
    // recording sox measures below is the audio up to the hold.
    const seconds = async () => Number((await bar.getByLabel('Call time').textContent())?.split(':')[1] ?? 0);
    const from = await seconds();
    await expect.poll(seconds, { timeout: 10_000 }).toBeGreaterThanOrEqual(from + 3);

    // Hold and resume from the UI: re-INVITEs from the WebRTC side of an inbound call; baresip answers recvonly while held.
    const holdFrom = baresip.proc.log.length;
    await bar.getByRole('button', { name: 'Hold' }).click();
    await expect(bar.getByRole('button', { name: 'Hold' })).toHaveAttribute('aria-pressed', 'true');
    await expect(bar).toContainText('On hold');
    await baresip.proc.waitFor(/a=recvonly/, 5000, holdFrom);
    // While held the lead's phone sends nothing and the page hears no tone: the checks after the resume tell that apart.
    await expectLeadSilentWhileHeld(page, testInfo);
    await bar.getByRole('button', { name: 'Hold' }).click();
    await expect(bar.getByRole('button', { name: 'Hold' })).toHaveAttribute('aria-pressed', 'false');
    await expect(bar).toContainText('Connected');
    // After the rep's resume, both ways again (the page's <audio>; RTP counters, tests/e2e/call-lab.ts).
    await expectMediaBothWays(page, testInfo, 'after the rep resumed');

    // Hold and resume from the lead's phone: re-INVITEs from the plain-RTP side, offered to the page
    // as WebRTC again; the page answers recvonly to baresip's sendonly, then sendrecv.
    const remoteHoldFrom = baresip.proc.log.length;
    expect((await baresipCommand('hold')).ok).toBe(true);
    await baresip.proc.waitFor(/SIP\/2\.0 200 OK\r?\n(?:(?!\r?\n\r?\n)[\s\S])*?CSeq: \d+ INVITE[\s\S]*?a=recvonly/, 5000, remoteHoldFrom);
    // A person takes longer than this between hold and resume. Sent at once, the resume INVITE can reach the page
    // ahead of the hold's ACK (Kamailio's UDP workers forward the two in parallel), and the page rightly answers
    // 500 with Retry-After (RFC 3261 14.2), which baresip does not retry.
    await page.waitForTimeout(500);
    const remoteResumeFrom = baresip.proc.log.length;
    expect((await baresipCommand('resume')).ok).toBe(true);
    await baresip.proc.waitFor(/SIP\/2\.0 200 OK\r?\n(?:(?!\r?\n\r?\n)[\s\S])*?CSeq: \d+ INVITE[\s\S]*?a=sendrecv/, 5000, remoteResumeFrom);
    await expect(bar).toContainText('Connected');
    // After the lead's resume too: media renegotiated from the plain side still flows both ways.
    await expectMediaBothWays(page, testInfo, 'after the lead resumed');

    // Hang up from the UI.
    await bar.getByRole('button', { name: 'Hang up' }).click();
    await expect(bar).toContainText('You hung up');
    await expect(page.locator('audio.call-audio')).toHaveCount(0);

    // What the lead heard: our tone in baresip's recording (up to the hold).
    await expectMicToneInLeadRecording(lab, baresip, testInfo);

    // The core's inbound log: this call, for the imported lead, accepted.
    const leads = (JSON.parse(readFileSync(join(harness.dataDir, 'leads.json'), 'utf8')) as { leads: Array<{ id: string; firstName: string }> }).leads;
    const leadId = leads.find((l) => l.firstName === 'Lena')?.id;
    expect(leadId).toBeTruthy();
    const inboundDir = join(harness.dataDir, 'inbound');
    const logged = readdirSync(inboundDir)
      .filter((f) => /^\d{4}-\d{2}\.jsonl$/.test(f))
      .flatMap((f) => readFileSync(join(inboundDir, f), 'utf8').split('\n').filter(Boolean))
      .map((l) => JSON.parse(l) as { from: string; leadId: string | null; response: string });
    expect(logged).toEqual([expect.objectContaining({ from: LEAD_E164, leadId, response: 'accepted' })]);
  });
});
