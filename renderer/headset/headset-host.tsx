import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { BlockView } from '../../shared/dial-block.js';
import { useApi, useDialdeskEvent } from '../api/api-context.js';
import { requestDeskAction } from '../ui/desk-actions.js';
import { currentCall, ringingCalls, type SipState } from '../ui/sip-state.js';
import { useSip } from '../ui/use-sip.js';
import { HeadsetLink, type HidLike } from './headset-link.js';
import type { LineSituation } from './telephony-mapping.js';

let situation: () => LineSituation = () => ({ ringingInbound: false, inCall: false, blockCallAnswered: false });

/** One link per window: the browser hands each device to one opener. */
const link = new HeadsetLink(((navigator as Navigator & { hid?: HidLike }).hid ?? null) as HidLike | null, {
  action: (action) => requestDeskAction(action === 'toggle-mute' ? 'mute' : action),
  situation: () => situation(),
  log: (message) => console.warn(`Dialdesk: ${message}`),
});

export function lineSituation(state: SipState, block: BlockView | null): LineSituation {
  const call = currentCall(state);
  const live = call && call.status !== 'ended' ? call : null;
  const blockRunning = block !== null && (block.status === 'running' || block.status === 'paused');
  return {
    ringingInbound: ringingCalls(state).length > 0,
    inCall: live !== null,
    blockCallAnswered: blockRunning && live !== null && live.direction === 'outbound' && live.status === 'connected',
  };
}

/**
 * Headset buttons act wherever the rep is in the app, and the headset's
 * lights follow the line: Off-Hook while a call is up, Mute while muted,
 * Ring while a call rings in.
 */
export function HeadsetHost() {
  const api = useApi();
  const { state } = useSip();
  const [block, setBlock] = useState<BlockView | null>(null);
  const latest = useRef({ state, block });
  latest.current = { state, block };

  useEffect(() => {
    situation = () => lineSituation(latest.current.state, latest.current.block);
    void api.getBlock({}).then((result) => result.ok && setBlock(result.value));
    void link.connectRemembered();
  }, [api]);
  useDialdeskEvent((event) => {
    if (event.type === 'dial-block.changed') setBlock(event.block);
  });

  const call = currentCall(state);
  const live = call && call.status !== 'ended' ? call : null;
  const offHook = live !== null && live.status !== 'ringing';
  const muted = live?.muted ?? false;
  const ring = ringingCalls(state).length > 0;
  useEffect(() => {
    void link.setLights({ offHook, mute: muted, ring });
  }, [offHook, muted, ring]);
  return null;
}

/** Phone settings → Headset: the browser asks for a device only from a click. */
export function HeadsetSettings() {
  const devices = useSyncExternalStore(
    (listener) => link.subscribe(listener),
    () => snapshot(),
  );
  const [message, setMessage] = useState<{ text: string; alert: boolean } | null>(null);

  const connect = async () => {
    setMessage(null);
    try {
      const picked = await link.request();
      setMessage(picked ? null : { text: 'No headset was chosen.', alert: false });
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      setMessage({ text: /NotFoundError|No device selected/i.test(text) ? 'No headset was chosen.' : `Could not connect the headset: ${text}`, alert: true });
    }
  };

  return (
    <fieldset className="card headset-settings">
      <legend>Headset buttons</legend>
      <p className="hint">
        A USB or Bluetooth-dongle headset's buttons: hook (answer, hang up), mute, and flash (drops the voicemail when a dial-block call is answered). Its lights show
        off-hook, mute and ring. Only telephony devices are offered; Dialdesk remembers the one you pick.
      </p>
      {devices.length ? (
        <ul aria-label="Connected headsets">
          {devices.map((device) => (
            <li key={device.name}>
              {device.name} — {device.controls}
            </li>
          ))}
        </ul>
      ) : null}
      {link.supported ? (
        <button type="button" className="button" onClick={() => void connect()}>
          Connect a headset…
        </button>
      ) : (
        <p className="hint notice">This browser has no WebHID: use Chrome, Edge or the Dialdesk app for headset buttons.</p>
      )}
      {message ? (
        <p className={message.alert ? 'hint notice' : 'hint'} role={message.alert ? 'alert' : 'status'}>
          {message.text}
        </p>
      ) : null}
    </fieldset>
  );
}

let cached: { key: string; value: ReturnType<HeadsetLink['devices']> } = { key: '', value: [] };
function snapshot() {
  const value = link.devices();
  const key = JSON.stringify(value);
  if (key !== cached.key) cached = { key, value };
  return cached.value;
}
