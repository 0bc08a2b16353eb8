/**
 * HID usage numbers Dialdesk reads and drives on a headset (USB HID Usage
 * Tables 1.5: §14 Telephony Device Page, §11 LED Page), and the one rule for
 * which HID devices Dialdesk may open: those with a top-level collection on
 * the Telephony page. The Electron shell's device permission and the page's
 * device request both use it, so a keyboard or a security key is never opened.
 */
export const TELEPHONY_PAGE = 0x0b;
export const LED_PAGE = 0x08;

export const TELEPHONY = {
  headset: 0x05,
  hookSwitch: 0x20,
  flash: 0x21,
  phoneMute: 0x2f,
} as const;

export const LED = {
  mute: 0x09,
  offHook: 0x17,
  ring: 0x18,
} as const;

/** The collections a HID device reports (WebHID's HIDCollectionInfo, Electron's HIDDevice.collections). */
export interface HidCollectionLike {
  usagePage?: number;
  usage?: number;
}

/** True when one of the device's top-level collections is on the Telephony page (0x0B). */
export function isTelephonyDevice(device: { collections?: readonly HidCollectionLike[] | null }): boolean {
  return (device.collections ?? []).some((collection) => collection.usagePage === TELEPHONY_PAGE);
}

/** The filter a page passes to navigator.hid.requestDevice: only telephony devices are offered. */
export const TELEPHONY_DEVICE_FILTERS = [{ usagePage: TELEPHONY_PAGE }] as const;
