import { describe, expect, it } from 'vitest';
import { isTelephonyDevice } from '../../../shared/hid-telephony.js';
import { DescriptorError, parseReportDescriptor, readBits, usageOf, writeBits } from '../../../renderer/headset/report-descriptor.js';
import { headsetActions, lightReports, readButtons, telephonyLayout, type ButtonState, type LineSituation } from '../../../renderer/headset/telephony-mapping.js';
import { COMBINED_REPORT_HEADSET, MOUSE, REPORT_PER_LIGHT_HEADSET } from '../../fixtures/headsets/descriptors.js';

const idle: LineSituation = { ringingInbound: false, inCall: false, blockCallAnswered: false };
const ringing: LineSituation = { ...idle, ringingInbound: true };
const talking: LineSituation = { ...idle, inCall: true };
const blockAnswered: LineSituation = { ...talking, blockCallAnswered: true };

/** Feeds reports one by one, as the headset layer does, and collects what each change means. */
function play(descriptor: Uint8Array, reports: { id: number; bytes: number[]; line: LineSituation }[]) {
  const layout = telephonyLayout(parseReportDescriptor(descriptor));
  let state: ButtonState = {};
  return reports.map(({ id, bytes, line }) => {
    const next = readButtons(layout, id, Uint8Array.from(bytes));
    if (!next) return null;
    const actions = headsetActions(layout, state, next, line);
    state = next;
    return actions;
  });
}

describe('the combined-report headset (layout A)', () => {
  const descriptor = parseReportDescriptor(COMBINED_REPORT_HEADSET);
  const layout = telephonyLayout(descriptor);

  it('reads the descriptor: two application collections, numbered reports, the keypad array', () => {
    expect(descriptor.applications).toEqual([usageOf(0x0b, 0x05), usageOf(0x0c, 0x01)]);
    expect(descriptor.numbered).toBe(true);
    const keypad = descriptor.fields.find((field) => field.kind === 'input' && !field.variable)!;
    expect(keypad).toMatchObject({ reportId: 2, bitOffset: 6, bitSize: 4, count: 1, logicalMinimum: 0, logicalMaximum: 11 });
    expect(keypad.usages).toHaveLength(12);
    expect(keypad.usages[0]).toBe(usageOf(0x0b, 0xb0));
    // The consumer report's own offsets start again at 0.
    expect(descriptor.fields.find((field) => field.reportId === 1)).toMatchObject({ bitOffset: 0, count: 3 });
  });

  it('finds Hook Switch (absolute), Phone Mute and Flash (relative) and the Off-Hook, Mute, Ring and Ringer lights', () => {
    expect(layout.buttons.map(({ button, reportId, bitOffset, relative }) => ({ button, reportId, bitOffset, relative }))).toEqual([
      { button: 'hookSwitch', reportId: 2, bitOffset: 0, relative: false },
      { button: 'phoneMute', reportId: 2, bitOffset: 2, relative: true },
      { button: 'flash', reportId: 2, bitOffset: 3, relative: true },
    ]);
    expect(layout.lights.map(({ light, reportId, bitOffset }) => [light, reportId, bitOffset])).toEqual([
      ['offHook', 2, 0],
      ['mute', 2, 1],
      ['ring', 2, 2],
      ['ring', 2, 5],
    ]);
    expect(layout.outputBytes.get(2)).toBe(1);
  });

  it('a call from the headset: lift to answer, mute and unmute, hang up; repeats and keypad digits do nothing', () => {
    const actions = play(COMBINED_REPORT_HEADSET, [
      { id: 2, bytes: [0b0000_0001, 0], line: ringing }, // off-hook while ringing
      { id: 2, bytes: [0b0000_0001, 0], line: talking }, // the same state again
      { id: 2, bytes: [0b0100_0101, 0x01], line: talking }, // mute pressed, with keypad "5" (bits 6-9 = 5)
      { id: 2, bytes: [0b0000_0001, 0], line: talking }, // released
      { id: 1, bytes: [0b001], line: talking }, // volume up: another report
      { id: 2, bytes: [0b0000_0101, 0], line: talking }, // mute again: unmute
      { id: 2, bytes: [0b0000_0001, 0], line: talking },
      { id: 2, bytes: [0b0000_0000, 0], line: talking }, // on-hook
    ]);
    expect(actions).toEqual([['answer'], [], ['toggle-mute'], [], null, ['toggle-mute'], [], ['hang-up']]);
  });

  it('Flash drops the voicemail only when a block call is answered', () => {
    expect(
      play(COMBINED_REPORT_HEADSET, [
        { id: 2, bytes: [0b0000_1001, 0], line: talking },
        { id: 2, bytes: [0b0000_0001, 0], line: talking },
        { id: 2, bytes: [0b0000_1001, 0], line: blockAnswered },
        { id: 2, bytes: [0b0000_1000, 0], line: idle },
      ]),
    ).toEqual([[], [], ['drop-voicemail'], []]);
  });

  it('nothing happens when nothing fits: lifting with no call, mute with no call, going on-hook with no call', () => {
    expect(
      play(COMBINED_REPORT_HEADSET, [
        { id: 2, bytes: [0b01, 0], line: idle },
        { id: 2, bytes: [0b0101, 0], line: idle },
        { id: 2, bytes: [0b0000, 0], line: idle },
      ]),
    ).toEqual([[], [], []]);
  });

  it('drives the lights in the one output report', () => {
    expect(lightReports(layout, { offHook: true, mute: true, ring: false })).toEqual([{ reportId: 2, data: Uint8Array.from([0b0000_0011]) }]);
    expect(lightReports(layout, { offHook: false, mute: false, ring: true })).toEqual([{ reportId: 2, data: Uint8Array.from([0b0010_0100]) }]);
    expect(lightReports(layout, { offHook: false, mute: false, ring: false })).toEqual([{ reportId: 2, data: Uint8Array.from([0]) }]);
  });
});

describe('the report-per-light headset (layout B)', () => {
  const descriptor = parseReportDescriptor(REPORT_PER_LIGHT_HEADSET);
  const layout = telephonyLayout(descriptor);

  it('reads Push/Pop, extended usages and the vendor collection’s 0…255 range', () => {
    expect(descriptor.applications).toEqual([usageOf(0x0b, 0x05), usageOf(0xff00, 0x01)]);
    const button = descriptor.fields.find((field) => field.usages[0] === usageOf(0x09, 0x01))!;
    expect(button).toMatchObject({ reportId: 8, bitOffset: 6, bitSize: 1 });
    // After Pop the page is Telephony again and the padding follows at bit 7.
    expect(descriptor.fields.find((field) => field.kind === 'input' && field.constant && field.reportId === 8)).toMatchObject({ bitOffset: 7 });
    expect(descriptor.fields.find((field) => field.reportId === 5 && field.kind === 'input')).toMatchObject({ logicalMaximum: 255, bitSize: 8, count: 63 });
  });

  it('maps the buttons of report 8 and one output report per light (Hold is not driven)', () => {
    expect(layout.buttons.map(({ button, bitOffset, relative }) => [button, bitOffset, relative])).toEqual([
      ['hookSwitch', 0, false],
      ['phoneMute', 3, true],
      ['flash', 4, true],
    ]);
    expect(lightReports(layout, { offHook: true, mute: false, ring: true })).toEqual([
      { reportId: 0x09, data: Uint8Array.from([0]) },
      { reportId: 0x17, data: Uint8Array.from([1]) },
      { reportId: 0x18, data: Uint8Array.from([1]) },
    ]);
  });

  it('the programmable key and the vendor report are not telephony buttons', () => {
    expect(
      play(REPORT_PER_LIGHT_HEADSET, [
        { id: 8, bytes: [0b0100_0000], line: ringing }, // Button 1
        { id: 5, bytes: new Array(63).fill(0xff), line: ringing },
        { id: 8, bytes: [0b0100_0001], line: ringing }, // hook off
        { id: 8, bytes: [0b0101_0001], line: blockAnswered }, // flash
        { id: 8, bytes: [0b0000_0000], line: blockAnswered }, // on-hook
      ]),
    ).toEqual([[], null, ['answer'], ['drop-voicemail'], ['hang-up']]);
  });
});

describe('other layouts and broken descriptors', () => {
  it('a headset that reports Hook Switch and Phone Mute as an array, without report IDs', () => {
    const arrayHeadset = Uint8Array.from([
      0x05, 0x0b, 0x09, 0x05, 0xa1, 0x01, // Telephony Headset application
      0x15, 0x01, 0x25, 0x03, 0x75, 0x08, 0x95, 0x02, // two 8-bit slots holding 1…3
      0x09, 0x20, 0x09, 0x2f, 0x09, 0x21, // Hook Switch, Phone Mute, Flash
      0x81, 0x00, // Input (Array)
      0xc0,
    ]);
    const layout = telephonyLayout(parseReportDescriptor(arrayHeadset));
    expect(layout.numbered).toBe(false);
    expect(readButtons(layout, 0, Uint8Array.from([0, 0]))).toEqual({ hookSwitch: false, phoneMute: false, flash: false });
    expect(readButtons(layout, 0, Uint8Array.from([2, 1]))).toEqual({ hookSwitch: true, phoneMute: true, flash: false });
    expect(
      play(arrayHeadset, [
        { id: 0, bytes: [1, 0], line: ringing },
        { id: 0, bytes: [1, 2], line: talking },
        { id: 0, bytes: [1, 0], line: talking },
        { id: 0, bytes: [0, 0], line: talking },
      ]),
    ).toEqual([['answer'], ['toggle-mute'], [], ['hang-up']]);
  });

  it('a relative (toggle) hook switch answers on a press when ringing and hangs up on a press in a call', () => {
    const toggleHook = Uint8Array.from([0x05, 0x0b, 0x09, 0x05, 0xa1, 0x01, 0x15, 0x00, 0x25, 0x01, 0x75, 0x01, 0x95, 0x01, 0x09, 0x20, 0x81, 0x06, 0x95, 0x07, 0x81, 0x01, 0xc0]);
    expect(
      play(toggleHook, [
        { id: 0, bytes: [1], line: ringing },
        { id: 0, bytes: [0], line: talking },
        { id: 0, bytes: [1], line: talking },
        { id: 0, bytes: [0], line: idle },
      ]),
    ).toEqual([['answer'], [], ['hang-up'], []]);
  });

  it('a consumer-page mute or a mouse is never a telephony control', () => {
    expect(telephonyLayout(parseReportDescriptor(MOUSE))).toMatchObject({ buttons: [], lights: [] });
    const consumerOnly = COMBINED_REPORT_HEADSET.slice(COMBINED_REPORT_HEADSET.indexOf(0x0c) - 1);
    expect(telephonyLayout(parseReportDescriptor(consumerOnly)).buttons).toEqual([]);
  });

  it('refuses broken descriptors with a reason', () => {
    expect(() => parseReportDescriptor(COMBINED_REPORT_HEADSET.slice(0, -1))).toThrow(DescriptorError);
    expect(() => parseReportDescriptor(Uint8Array.from([0x05]))).toThrow(/cut short/);
    expect(() => parseReportDescriptor(Uint8Array.from([0xc0]))).toThrow(/End Collection/);
    expect(() => parseReportDescriptor(Uint8Array.from([0xb4]))).toThrow(/Pop without Push/);
    expect(() => parseReportDescriptor(Uint8Array.from([0x85, 0x00]))).toThrow(/report ID 0/);
    expect(() => parseReportDescriptor(Uint8Array.from([0x29, 0x05]))).toThrow(/Usage Maximum/);
    expect(() => parseReportDescriptor(Uint8Array.from([0x75, 0xff, 0x96, 0xff, 0xff, 0x81, 0x02]))).toThrow(/larger than any report/);
  });

  it('bits are read and written little-endian across byte boundaries', () => {
    const data = new Uint8Array(2);
    writeBits(data, 6, 4, 0b1011);
    expect([...data]).toEqual([0b1100_0000, 0b10]);
    expect(readBits(data, 6, 4)).toBe(0b1011);
    expect(readBits(data, 14, 4)).toBe(0); // past the end reads as 0
  });
});

describe('isTelephonyDevice', () => {
  it('is true only with a collection on the Telephony page', () => {
    expect(isTelephonyDevice({ collections: [{ usagePage: 0x0c, usage: 1 }, { usagePage: 0x0b, usage: 5 }] })).toBe(true);
    expect(isTelephonyDevice({ collections: [{ usagePage: 0x01, usage: 6 }] })).toBe(false);
    expect(isTelephonyDevice({ collections: [{ usagePage: 0xf1d0, usage: 1 }] })).toBe(false);
    expect(isTelephonyDevice({ collections: [] })).toBe(false);
    expect(isTelephonyDevice({})).toBe(false);
  });
});

describe('descriptorFromWebHid', () => {
  it('gives the same telephony layout as the descriptor bytes, from what Chromium reports to the page', async () => {
    const { descriptorFromWebHid } = await import('../../../renderer/headset/webhid-layout.js');
    // Layout A as WebHID's HIDCollectionInfo describes it (usages are page << 16 | id).
    const T = (id: number) => usageOf(0x0b, id);
    const L = (id: number) => usageOf(0x08, id);
    const bit = { reportSize: 1, logicalMinimum: 0, logicalMaximum: 1 };
    const collections = [
      {
        usagePage: 0x0b,
        usage: 0x05,
        type: 1,
        inputReports: [
          {
            reportId: 2,
            items: [
              { ...bit, reportCount: 2, isAbsolute: true, usages: [T(0x20), T(0x97)] },
              { ...bit, reportCount: 4, isAbsolute: false, usages: [T(0x2f), T(0x21), T(0x24), T(0x50)] },
              { reportSize: 4, reportCount: 1, isArray: true, isRange: true, usages: [], usageMinimum: T(0xb0), usageMaximum: T(0xbb), logicalMinimum: 0, logicalMaximum: 11 },
              { ...bit, reportCount: 6, isConstant: true },
            ],
          },
        ],
        outputReports: [
          {
            reportId: 2,
            items: [
              { ...bit, reportCount: 5, isAbsolute: true, usages: [L(0x17), L(0x09), L(0x18), L(0x20), L(0x21)] },
              { ...bit, reportCount: 1, isAbsolute: true, usages: [T(0x9e)] },
              { ...bit, reportCount: 2, isConstant: true },
            ],
          },
        ],
        children: [],
      },
      { usagePage: 0x0c, usage: 0x01, type: 1, inputReports: [{ reportId: 1, items: [{ ...bit, reportCount: 3, isAbsolute: true, usages: [usageOf(0x0c, 0xe9), usageOf(0x0c, 0xea), usageOf(0x0c, 0xe2)] }] }] },
    ];
    const fromWebHid = telephonyLayout(descriptorFromWebHid(collections));
    const fromBytes = telephonyLayout(parseReportDescriptor(COMBINED_REPORT_HEADSET));
    expect(fromWebHid.buttons).toEqual(fromBytes.buttons);
    expect(fromWebHid.lights).toEqual(fromBytes.lights);
    expect(fromWebHid.outputBytes).toEqual(fromBytes.outputBytes);
  });
});
