import { isTelephonyDevice, TELEPHONY_DEVICE_FILTERS } from '../../shared/hid-telephony.js';
import { headsetActions, lightReports, readButtons, telephonyLayout, type ButtonState, type HeadsetAction, type HeadsetLights, type LineSituation, type TelephonyLayout } from './telephony-mapping.js';
import { descriptorFromWebHid, type WebHidCollectionInfo } from './webhid-layout.js';

/** The part of WebHID Dialdesk uses (not in TypeScript's DOM library yet). */
export interface HidDeviceLike extends EventTarget {
  opened: boolean;
  productName: string;
  vendorId: number;
  productId: number;
  collections: WebHidCollectionInfo[];
  open(): Promise<void>;
  close(): Promise<void>;
  sendReport(reportId: number, data: BufferSource): Promise<void>;
}
export interface HidLike extends EventTarget {
  getDevices(): Promise<HidDeviceLike[]>;
  requestDevice(options: { filters: { usagePage: number }[] }): Promise<HidDeviceLike[]>;
}

interface Connected {
  device: HidDeviceLike;
  layout: TelephonyLayout;
  state: ButtonState;
}

export interface HeadsetInfo {
  name: string;
  controls: string;
}

/**
 * The headsets the page holds open over WebHID. The browser remembers a
 * device once the rep picked it (getDevices on every start), so the prompt is
 * asked once, from a click in Phone settings. Only devices with a Telephony
 * collection are asked for, opened or kept.
 */
export class HeadsetLink {
  private readonly connected = new Map<HidDeviceLike, Connected>();
  private lights: HeadsetLights = { offHook: false, mute: false, ring: false };
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly hid: HidLike | null,
    private readonly handlers: { action(action: HeadsetAction): void; situation(): LineSituation; log?(message: string): void },
  ) {
    hid?.addEventListener('connect', (event) => void this.open((event as Event & { device: HidDeviceLike }).device));
    hid?.addEventListener('disconnect', (event) => {
      this.connected.delete((event as Event & { device: HidDeviceLike }).device);
      this.changed();
    });
  }

  get supported(): boolean {
    return this.hid !== null;
  }

  devices(): HeadsetInfo[] {
    return [...this.connected.values()].map(({ device, layout }) => ({ name: device.productName || `HID ${device.vendorId.toString(16)}:${device.productId.toString(16)}`, controls: describeControls(layout) }));
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  /** The headsets the rep allowed before. */
  async connectRemembered(): Promise<void> {
    if (!this.hid) return;
    for (const device of await this.hid.getDevices()) await this.open(device);
  }

  /** From a click: the browser's device picker, telephony devices only. */
  async request(): Promise<number> {
    if (!this.hid) throw new Error('This browser has no WebHID (Chrome, Edge and the Dialdesk app have it).');
    const picked = await this.hid.requestDevice({ filters: [...TELEPHONY_DEVICE_FILTERS] });
    for (const device of picked) await this.open(device);
    return picked.length;
  }

  /** Drives Off-Hook, Mute and Ring on every headset (only when they change). */
  async setLights(lights: HeadsetLights): Promise<void> {
    if (lights.offHook === this.lights.offHook && lights.mute === this.lights.mute && lights.ring === this.lights.ring) return;
    this.lights = lights;
    for (const { device, layout } of this.connected.values()) await this.send(device, layout);
  }

  private async open(device: HidDeviceLike): Promise<void> {
    if (this.connected.has(device) || !isTelephonyDevice(device)) return;
    try {
      if (!device.opened) await device.open();
    } catch (error) {
      this.handlers.log?.(`headset ${device.productName}: ${String(error)}`);
      return;
    }
    const entry: Connected = { device, layout: telephonyLayout(descriptorFromWebHid(device.collections)), state: {} };
    this.connected.set(device, entry);
    device.addEventListener('inputreport', (event) => {
      const { reportId, data } = event as Event & { reportId: number; data: DataView };
      const next = readButtons(entry.layout, reportId, new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
      if (!next) return;
      const actions = headsetActions(entry.layout, entry.state, next, this.handlers.situation());
      entry.state = next;
      for (const action of actions) this.handlers.action(action);
    });
    await this.send(device, entry.layout);
    this.changed();
  }

  private async send(device: HidDeviceLike, layout: TelephonyLayout): Promise<void> {
    for (const report of lightReports(layout, this.lights)) {
      try {
        await device.sendReport(report.reportId, report.data as Uint8Array<ArrayBuffer>);
      } catch (error) {
        this.handlers.log?.(`headset ${device.productName}: lights: ${String(error)}`);
      }
    }
  }

  private changed(): void {
    for (const listener of [...this.listeners]) listener();
  }
}

function describeControls(layout: TelephonyLayout): string {
  const names = { hookSwitch: 'answer/hang up', phoneMute: 'mute', flash: 'drop voicemail' } as const;
  const buttons = [...new Set(layout.buttons.map((source) => names[source.button]))];
  return buttons.length ? buttons.join(', ') : 'no telephony buttons found';
}
