/**
 * A whole dial block against the real lab, from the keyboard: five leads whose phones answer as a
 * voicemail box (Dialdesk drops the message at the beep), ring out (the 15 s legal minimum ring
 * timeout, then CANCEL), are busy (486), answer as a person (a conversation) and reject (603).
 * While the ring-out lead rings, the voicemail lead calls back from their mobile through Kamailio:
 * main answers 486 (sipp passes only on that) and the page never shows an incoming call. After
 * the block: its summary, the returns slot with the caller matched to their lead and the voicemail
 * they answer, and the stats screen.
 *
 * Far ends, one dial plan through Kamailio (WITH_UAS_FALLBACK): baresip registers as the number of
 * an answering lead just before it is dialled; every other number goes to a sipp UAS playing that
 * lead's phone. Each far end is started for the lead in front of the rep, so the test follows
 * whatever order the block chose. Lab processes use fixed loopback ports: run under the lab lock.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { enUS } from 'date-fns/locale';
import { LAB_PASSWORD, type LabProcess } from '../lab/lab.js';
import { afternoonZone, callableNumbers, configurePhone, fakeMediaLaunchOptions, personGreeting, REP_AOR, saveRepSettings, silentMic, voicemailBoxGreeting, WEEKDAYS, withLab } from './call-lab.js';
import { expect, test } from './harness-fixture.js';
import { recordRenders } from './record-renders.js';

test.use({ launchOptions: fakeMediaLaunchOptions(silentMic(process.env.TMPDIR ?? '/tmp')) });

interface TestLead {
  first: string;
  last: string;
  company: string;
  phone: string;
  mobile: string;
}

// Numbers of a place the law lets the suite call now (call-lab.ts); the mobiles only call in, so any place will do.
const PHONES = callableNumbers(5);
const LEADS: TestLead[] = [
  { first: 'Ada', last: 'Archer', company: 'Archer Freight', phone: PHONES[0], mobile: '+16465550141' },
  { first: 'Ben', last: 'Brooks', company: 'Brooks Dental', phone: PHONES[1], mobile: '+16465550142' },
  { first: 'Cara', last: 'Cole', company: 'Cole Roofing', phone: PHONES[2], mobile: '+16465550143' },
  { first: 'Dev', last: 'Dunn', company: 'Dunn Logistics', phone: PHONES[3], mobile: '+16465550144' },
  { first: 'Eli', last: 'Ellis', company: 'Ellis Print', phone: PHONES[4], mobile: '+16465550145' },
];

/** What each lead's phone does, in the order the block puts the leads in front of the rep. */
const ROLES = ['voicemail-box', 'ring-out', 'busy', 'person', 'reject'] as const;
type Role = (typeof ROLES)[number];

const RING_TIMEOUT_SECONDS = 15;
const SLOT = { start: '15:00', end: '15:30' };

/** The rep's wall clock ("2:05 PM") of an instant, as the screens show it. */
const wallClock = (zone: string, at: number) => format(new TZDate(at, zone), 'p', { locale: enUS });

/** Today's date in the rep's zone, as the screens show it: "Dec 1, 2026"; the slot's day: "Tue, Dec 1". */
const today = (zone: string) => format(new TZDate(Date.now(), zone), 'PP', { locale: enUS });
const slotDay = (zone: string) => format(new TZDate(Date.now(), zone), 'EEE, MMM d', { locale: enUS });

test('a five-lead block against the lab: voicemail, ring-out, busy, conversation, reject; a call-back meanwhile is held for the returns slot', async ({ page, harness }, testInfo) => {
  test.setTimeout(180_000);
  await withLab('e2e-dial-block', async (lab) => {
    const started = Date.now();
    const box = voicemailBoxGreeting(lab.runDir).wav;
    const person = personGreeting(lab.runDir);
    await lab.startRtpengine();
    await lab.startKamailio({ auth: true, rtpengine: true, uasFallback: true });

    // The rep: early afternoon every day, a returns slot later today, the lab's phone account.
    const zone = afternoonZone();
    await page.goto(harness.url);
    await saveRepSettings(page, zone);
    const slots = page.getByRole('form', { name: 'Returns slots' });
    for (const day of WEEKDAYS) await slots.getByLabel(day, { exact: true }).fill(`${SLOT.start}-${SLOT.end}`);
    await slots.getByRole('button', { name: 'Save slots' }).click();
    await expect(slots.getByRole('status')).toHaveText('Saved');
    await configurePhone(page, LAB_PASSWORD, RING_TIMEOUT_SECONDS);
    await page.getByRole('checkbox', { name: /Echo cancellation and noise suppression/ }).uncheck();
    await expect(page.getByRole('region', { name: 'Phone line' })).toHaveText(`Phone: registered as ${REP_AOR}`, { timeout: 15_000 });

    // Five leads in the lead zone's afternoon, each with a mobile too.
    const csv = join(lab.runDir, 'block-leads.csv');
    writeFileSync(csv, ['First Name,Last Name,Company,Phone,Mobile Phone,Time Zone', ...LEADS.map((l) => `${l.first},${l.last},${l.company},${l.phone},${l.mobile},${zone}`)].join('\n') + '\n');
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByLabel('Choose CSV file').setInputFiles(csv);
    await page.getByRole('button', { name: 'Import 5 rows' }).click();
    await expect(page.getByText(/Imported 5 of 5 rows/)).toBeVisible();

    // From here on the page records any incoming-call panel.
    const incomingCallsSeen = await recordRenders(page, '[aria-label="Incoming call"], .inbound-call');

    await page.getByRole('button', { name: 'Dial block' }).click();
    const form = page.getByRole('form', { name: 'Start a dial block' });
    await form.getByRole('radio', { name: 'Leads' }).check();
    await form.getByLabel('Number of leads').fill('5');
    await form.getByRole('button', { name: 'Start block' }).click();
    const block = page.getByRole('region', { name: 'Dial block' });
    const phase = block.locator('.block-phase');
    const drop = page.getByRole('region', { name: 'Voicemail drop' });
    await expect(phase).toHaveText('Ready — Space dials');

    const byRole = new Map<Role, TestLead>();
    let voicemailLeftAt: string[] = [];
    let calledBackAt: string[] = [];
    let caller: LabProcess | null = null;
    for (const [index, role] of ROLES.entries()) {
      await expect(phase).toHaveText('Ready — Space dials', { timeout: 15_000 });
      const name = (await block.locator('.focus-name').textContent()) ?? '';
      const lead = LEADS.find((l) => `${l.first} ${l.last}` === name);
      expect(lead, `lead ${index + 1} in focus: ${name}`).toBeDefined();
      byRole.set(role, lead!);
      await expect(block.getByLabel('Block counts')).toContainText(`Dials ${index}`);
      const digits = lead!.phone.slice(1);
      testInfo.annotations.push({ type: `lead ${index + 1}`, description: `${name} (${lead!.phone}): ${role}` });

      if (role === 'voicemail-box' || role === 'person') {
        const phone = await lab.startBaresip({ user: digits, greetingWav: role === 'voicemail-box' ? box : person });
        const before = wallClock(zone, Date.now());
        await page.keyboard.press(' ');
        await expect(phase).toHaveText('Answered — conversation', { timeout: 20_000 });
        if (role === 'voicemail-box') {
          // The beep detector drops the message by itself; the drop settles the call and hangs up.
          await expect(drop).toContainText('Playing the message', { timeout: 30_000 });
          await expect(drop).toContainText('Voicemail left; next attempt promised', { timeout: 60_000 });
          voicemailLeftAt = [before, wallClock(zone, Date.now())];
          await expect(block.getByLabel('Block counts')).toContainText('Voicemails 1');
        } else {
          // A person: nothing is played; the rep says it was a conversation (1) and hangs up (H).
          await expect(drop).toContainText('A person answered: the call is yours.', { timeout: 20_000 });
          await page.keyboard.press('1');
          await expect(block.getByLabel('Block counts')).toContainText('Conversations 1');
          await page.keyboard.press('h');
        }
        await expect(block.locator('.focus-name')).not.toHaveText(name, { timeout: 15_000 });
        await phone.proc.stop();
        continue;
      }

      const scenario = { 'ring-out': 'uas_ring_noanswer.xml', busy: 'uas_busy.xml', reject: 'block_e2e_decline.xml' }[role];
      const uas = await lab.startSipp({ role: 'uas', scenario, timeoutSeconds: 60 });
      await page.keyboard.press(' ');
      if (role === 'ring-out') {
        await expect(phase).toHaveText('Ringing — Esc cancels', { timeout: 15_000 });
        // Meanwhile the voicemail lead calls back from their mobile: main answers 486 at once.
        const returning = byRole.get('voicemail-box')!;
        const calling = wallClock(zone, Date.now());
        caller = await lab.startSipp({ role: 'uac', scenario: 'uac_expect_486.xml', service: 'rep', keys: { caller: returning.mobile }, timeoutSeconds: 20 });
        const exit = await caller.waitExit(20_000);
        expect(exit.code, `the caller did not get its 486; see ${lab.runDir}`).toBe(0);
        calledBackAt = [calling, wallClock(zone, Date.now())];
        await expect(block.getByLabel('Calls held for the returns slot')).toHaveText('1 held for returns');
        // The outbound call still rings for the same lead, until the ring timeout cancels it.
        await expect(phase).toHaveText('Ringing — Esc cancels');
        await expect(block.locator('.focus-name')).toHaveText(name);
      }
      const exit = await uas.waitExit((RING_TIMEOUT_SECONDS + 20) * 1000);
      expect(exit.code, `the ${role} far end saw something else; see ${uas.logFile}`).toBe(0);
      if (index < ROLES.length - 1) await expect(block.locator('.focus-name')).not.toHaveText(name, { timeout: 15_000 });
    }
    expect(caller, 'the inbound call was placed').not.toBeNull();

    // Five dials: the block ends by itself with its summary.
    const summary = page.getByRole('region', { name: 'Block summary' });
    await expect(summary).toBeVisible({ timeout: 15_000 });
    for (const [label, value] of [
      ['Dials', '5'],
      ['Conversations', '1'],
      ['Conversation rate', '20%'],
      ['Voicemails left', '1'],
      ['Promises made', '1'],
      ['Skipped', '0'],
      ['Returns waiting', `1 — next slot ${slotDay(zone)}, ${SLOT.start}–${SLOT.end}`],
    ]) {
      await expect(summary.locator('dt', { hasText: new RegExp(`^${label}$`) }).locator('xpath=following-sibling::dd[1]')).toHaveText(value);
    }

    // What each lead's phone did is in its history.
    await page.getByRole('button', { name: 'Leads' }).click();
    const outcomes: Record<Role, string> = { 'voicemail-box': 'Voicemail left', 'ring-out': 'No answer', busy: 'Busy', person: 'Conversation', reject: 'Busy' };
    for (const role of ROLES) {
      const lead = byRole.get(role)!;
      await page.getByRole('listbox', { name: 'Leads' }).getByRole('option', { name: new RegExp(`${lead.first} ${lead.last}`) }).click();
      const history = page.getByRole('complementary', { name: `${lead.first} ${lead.last}` }).getByRole('list', { name: 'Attempt history' });
      await expect(history.getByRole('listitem')).toHaveCount(1);
      await expect(history.getByRole('listitem')).toContainText(outcomes[role]);
    }

    // The returns slot: the caller, matched to their lead by the mobile, answering the voicemail left in the block.
    await page.getByRole('button', { name: 'Returns' }).click();
    const returns = page.getByRole('region', { name: 'Returns slot' });
    await expect(returns.getByRole('status')).toHaveText(`Next slot: ${slotDay(zone)}, ${SLOT.start}–${SLOT.end}`);
    const waiting = returns.getByRole('list', { name: 'Callers waiting' }).getByRole('listitem');
    await expect(waiting).toHaveCount(1);
    const vm = byRole.get('voicemail-box')!;
    await expect(waiting).toContainText(`${vm.first} ${vm.last}`);
    await expect(waiting).toContainText(vm.mobile);
    // When they called and which voicemail they answer, both on the rep's clock.
    const why = (await waiting.locator('p.muted').textContent()) ?? '';
    const at = String.raw`(\w{3} \d{1,2}, \d{4}), (\d{1,2}:\d{2} [AP]M)`;
    const answering = new RegExp(String.raw`^Called ${at} · Probably answering the voicemail left ${at} \((.+)\), which promised a call at \w{3} \d{1,2}, \d{4}, \d{1,2}:\d{2} [AP]M\.$`).exec(why);
    expect(answering, why).not.toBeNull();
    expect([answering![1], answering![3]]).toEqual([today(zone), today(zone)]);
    expect(calledBackAt).toContain(answering![2]);
    expect(voicemailLeftAt).toContain(answering![4]);
    const scriptName = answering![5];
    const inbound = page.getByRole('region', { name: 'Inbound history' });
    await expect(inbound.getByRole('row')).toHaveCount(2);
    await expect(inbound.getByRole('row').nth(1)).toContainText(`${vm.mobile}${vm.first} ${vm.last}suppressed`);

    // The stats screen: the same counts, and the voicemail's script credited with its return.
    await page.getByRole('button', { name: 'Stats' }).click();
    const stats = page.getByRole('region', { name: 'Stats' });
    const totals = stats.getByLabel('Totals');
    for (const [label, value] of [
      ['Dials', '5'],
      ['Conversations', '1'],
      ['Conversation rate', '20.0%'],
      ['Voicemails left', '1'],
      ['Returns received', '1'],
    ]) {
      await expect(totals.locator('dt', { hasText: new RegExp(`^${label}$`) }).locator('xpath=following-sibling::dd[1]')).toHaveText(value);
    }
    const script = stats.getByRole('table', { name: 'Scripts' }).getByRole('row', { name: new RegExp(scriptName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) });
    await expect(script.getByRole('cell')).toHaveText([scriptName, '1', '1', '100.0%']);

    // Never, during the block or after it, did the page show the caller ringing.
    expect(await incomingCallsSeen()).toEqual([]);
    testInfo.annotations.push({ type: 'duration', description: `${((Date.now() - started) / 1000).toFixed(1)} s in the lab` });
  });
});
