import { LED, LED_PAGE, TELEPHONY, TELEPHONY_PAGE } from '../../shared/hid-telephony.js';
import { pageOf, readBits, usageOf, writeBits, type ReportDescriptor } from './report-descriptor.js';

/**
 * A headset's telephony controls, from its report descriptor, and what a
 * button press means for the line. Pure: WebHID (headset.ts) feeds it reports,
 * tests feed it recorded descriptors.
 *
 *   Hook Switch (0x0B:0x20)  answers a ringing call, hangs up the current one
 *   Phone Mute  (0x0B:0x2F)  mutes or unmutes the current call
 *   Flash       (0x0B:0x21)  drops the voicemail when a dial-block call is answered
 *
 * and the lights the app drives back: Off-Hook (0x08:0x17), Mute (0x08:0x09),
 * Ring (0x08:0x18; the Telephony page's Ringer 0x0B:0x9E too, where a headset
 * rings with it instead).
 */

export const HEADSET_BUTTONS = ['hookSwitch', 'phoneMute', 'flash'] as const;
export type HeadsetButton = (typeof HEADSET_BUTTONS)[number];
export const HEADSET_LIGHTS = ['offHook', 'mute', 'ring'] as const;
export type HeadsetLight = (typeof HEADSET_LIGHTS)[number];

const BUTTON_USAGES: Record<HeadsetButton, number> = {
  hookSwitch: usageOf(TELEPHONY_PAGE, TELEPHONY.hookSwitch),
  phoneMute: usageOf(TELEPHONY_PAGE, TELEPHONY.phoneMute),
  flash: usageOf(TELEPHONY_PAGE, TELEPHONY.flash),
};
const RINGER = usageOf(TELEPHONY_PAGE, 0x9e);
const LIGHT_USAGES: Record<HeadsetLight, number[]> = {
  offHook: [usageOf(LED_PAGE, LED.offHook)],
  mute: [usageOf(LED_PAGE, LED.mute)],
  ring: [usageOf(LED_PAGE, LED.ring), RINGER],
};

interface ButtonSource {
  button: HeadsetButton;
  reportId: number;
  /** Variable field: the button's own bits. */
  bitOffset: number;
  bitSize: number;
  /** Array field: the slots to look in and the value that names this button. */
  array: { slots: number; arrayValue: number } | null;
  /** A relative (toggle) control reports presses; an absolute one reports its state (on-hook / off-hook). */
  relative: boolean;
}

interface LightTarget {
  light: HeadsetLight;
  reportId: number;
  bitOffset: number;
  bitSize: number;
}

export interface TelephonyLayout {
  numbered: boolean;
  buttons: ButtonSource[];
  lights: LightTarget[];
  /** Output report sizes in bytes, by report ID (data only, without the ID byte). */
  outputBytes: Map<number, number>;
}

/** The telephony controls in a descriptor. Fields outside the Telephony application collections are ignored (a consumer volume key is not Flash). */
export function telephonyLayout(descriptor: ReportDescriptor): TelephonyLayout {
  const buttons: ButtonSource[] = [];
  const lights: LightTarget[] = [];
  const outputBytes = new Map<number, number>();
  for (const field of descriptor.fields) {
    if (field.kind === 'output') {
      const end = Math.ceil((field.bitOffset + field.bitSize * field.count) / 8);
      outputBytes.set(field.reportId, Math.max(outputBytes.get(field.reportId) ?? 0, end));
    }
    if (field.constant || pageOf(field.application) !== TELEPHONY_PAGE) continue;
    if (field.kind === 'input') {
      for (const button of HEADSET_BUTTONS) {
        const usage = BUTTON_USAGES[button];
        if (field.variable) {
          // One usage per slot; a short usage list repeats its last usage (HID 1.11 §6.2.2.8).
          for (let slot = 0; slot < field.count; slot++) {
            if ((field.usages[slot] ?? field.usages.at(-1)) !== usage) continue;
            buttons.push({ button, reportId: field.reportId, bitOffset: field.bitOffset + slot * field.bitSize, bitSize: field.bitSize, array: null, relative: field.relative });
          }
        } else {
          const index = field.usages.indexOf(usage);
          if (index < 0) continue;
          buttons.push({
            button,
            reportId: field.reportId,
            bitOffset: field.bitOffset,
            bitSize: field.bitSize,
            array: { slots: field.count, arrayValue: field.logicalMinimum + index },
            relative: field.relative,
          });
        }
      }
    } else if (field.kind === 'output' && field.variable) {
      for (const light of HEADSET_LIGHTS) {
        for (let slot = 0; slot < field.count; slot++) {
          const usage = field.usages[slot] ?? field.usages.at(-1);
          if (usage === undefined || !LIGHT_USAGES[light].includes(usage)) continue;
          lights.push({ light, reportId: field.reportId, bitOffset: field.bitOffset + slot * field.bitSize, bitSize: field.bitSize });
        }
      }
    }
  }
  return { numbered: descriptor.numbered, buttons, lights, outputBytes };
}

export type ButtonState = Partial<Record<HeadsetButton, boolean>>;

/**
 * The buttons an input report carries, or null when it carries none of them
 * (another report of the device: volume, battery). `data` excludes the report
 * ID byte, as WebHID's inputreport event gives it.
 */
export function readButtons(layout: TelephonyLayout, reportId: number, data: Uint8Array): ButtonState | null {
  const sources = layout.buttons.filter((source) => source.reportId === reportId);
  if (sources.length === 0) return null;
  const state: ButtonState = {};
  for (const source of sources) {
    let down: boolean;
    if (source.array) {
      down = false;
      for (let slot = 0; slot < source.array.slots; slot++) {
        if (readBits(data, source.bitOffset + slot * source.bitSize, source.bitSize) === source.array.arrayValue) down = true;
      }
    } else {
      down = readBits(data, source.bitOffset, source.bitSize) !== 0;
    }
    state[source.button] = (state[source.button] ?? false) || down;
  }
  return state;
}

/** What the line is doing, as far as a headset button's meaning depends on it. */
export interface LineSituation {
  /** An inbound call is ringing here. */
  ringingInbound: boolean;
  /** A call is up (answered) or an outbound one is ringing out. */
  inCall: boolean;
  /** The current call is a dial-block call that was answered (a voicemail greeting, maybe). */
  blockCallAnswered: boolean;
}

export type HeadsetAction = 'answer' | 'hang-up' | 'toggle-mute' | 'drop-voicemail';

/**
 * The actions one report's change means. Only changes count: a report that
 * repeats the state (many headsets resend it on every change of any button)
 * does nothing.
 *
 * Hook Switch, absolute (the usual on/off control): going off-hook answers a
 * ringing call, going on-hook hangs up the current one. Relative (a toggle
 * that reports presses): a press answers if ringing, else hangs up. Mute and
 * Flash act on the press.
 */
export function headsetActions(layout: TelephonyLayout, before: ButtonState, after: ButtonState, line: LineSituation): HeadsetAction[] {
  const pressed = (button: HeadsetButton) => after[button] === true && before[button] !== true;
  const released = (button: HeadsetButton) => after[button] === false && before[button] === true;
  const hookRelative = layout.buttons.find((source) => source.button === 'hookSwitch')?.relative ?? false;
  const actions: HeadsetAction[] = [];
  if (hookRelative ? pressed('hookSwitch') : pressed('hookSwitch') || released('hookSwitch')) {
    const offHook = hookRelative ? !line.inCall : after.hookSwitch === true;
    if (offHook && line.ringingInbound) actions.push('answer');
    else if (!offHook && line.inCall) actions.push('hang-up');
  }
  if (pressed('phoneMute') && line.inCall) actions.push('toggle-mute');
  if (pressed('flash') && line.blockCallAnswered) actions.push('drop-voicemail');
  return actions;
}

export type HeadsetLights = Record<HeadsetLight, boolean>;

/** The output reports that set the lights: one per report ID that has any, other bits 0. */
export function lightReports(layout: TelephonyLayout, lights: HeadsetLights): { reportId: number; data: Uint8Array }[] {
  const reports = new Map<number, Uint8Array>();
  for (const target of layout.lights) {
    let data = reports.get(target.reportId);
    if (!data) {
      data = new Uint8Array(layout.outputBytes.get(target.reportId) ?? Math.ceil((target.bitOffset + target.bitSize) / 8));
      reports.set(target.reportId, data);
    }
    writeBits(data, target.bitOffset, target.bitSize, lights[target.light] ? 1 : 0);
  }
  return [...reports].map(([reportId, data]) => ({ reportId, data }));
}
