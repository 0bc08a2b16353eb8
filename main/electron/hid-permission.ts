import type { HIDDevice, Session } from 'electron';
import { isTelephonyDevice } from '../../shared/hid-telephony.js';
import { isAppUrl } from './app-url.js';

/**
 * WebHID in the app: the page may open telephony devices (a headset's
 * Telephony collection, usage page 0x0B) and nothing else, so no page can
 * reach a keyboard, a security key or a vendor's firmware channel.
 *
 * Electron shows no device picker: `select-hid-device` picks the first
 * telephony device on offer. The permission handler grants every telephony
 * device to the app's own page, so a headset once connected is found again by
 * `navigator.hid.getDevices()` on every start (the devices are remembered by
 * this rule, not by a list that could go stale).
 */
export function grantsHid(details: { deviceType: string; origin: string; device: unknown }): boolean {
  return details.deviceType === 'hid' && isAppUrl(details.origin) && isTelephonyDevice(details.device as Pick<HIDDevice, 'collections'>);
}

export function firstTelephonyDevice(devices: readonly HIDDevice[]): string | null {
  return devices.find((device) => isTelephonyDevice(device))?.deviceId ?? null;
}

type HidSession = Pick<Session, 'setDevicePermissionHandler' | 'on'>;

export function allowTelephonyHid(session: HidSession): void {
  session.setDevicePermissionHandler((details) => grantsHid(details));
  session.on('select-hid-device', (event, details, callback) => {
    event.preventDefault();
    const frameUrl = details.frame?.url;
    const chosen = isAppUrl(frameUrl) ? firstTelephonyDevice(details.deviceList) : null;
    // No argument cancels the request: the page's requestDevice resolves with no device.
    if (chosen) callback(chosen);
    else callback();
  });
}
