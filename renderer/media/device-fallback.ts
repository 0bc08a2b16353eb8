/**
 * What a call does when audio devices come and go (a headset unplugged
 * mid-call, plugged back in): the call never stops for it. A device in use
 * that disappears gives way to the system default at once, with a notice; the
 * rep's chosen device coming back is offered, not forced, since the rep may
 * have picked up the laptop's own microphone on purpose meanwhile.
 */
export type DeviceKind = 'microphone' | 'speaker';

export type DeviceDecision =
  | { action: 'keep' }
  | { action: 'fall-back'; notice: string }
  | { action: 'offer-return'; deviceId: string; notice: string };

export interface DeviceSituation {
  kind: DeviceKind;
  /** The rep's choice in Settings ('' = the system default). */
  chosenId: string;
  /** What the call uses now ('' = the system default). */
  currentId: string;
  /** Device ids of this kind present now. */
  present: readonly string[];
  /** The chosen device's name, for the offer. */
  chosenLabel?: string;
}

export function decideDevice({ kind, chosenId, currentId, present, chosenLabel }: DeviceSituation): DeviceDecision {
  if (currentId !== '' && !present.includes(currentId)) {
    return { action: 'fall-back', notice: `Your ${kind} was unplugged; the call goes on with the system's default ${kind}.` };
  }
  if (currentId === '' && chosenId !== '' && present.includes(chosenId)) {
    return { action: 'offer-return', deviceId: chosenId, notice: `${chosenLabel || `Your chosen ${kind}`} is back.` };
  }
  return { action: 'keep' };
}
