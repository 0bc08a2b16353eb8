import { BeepDetector, type DetectorEvent, type DetectorSettings } from '../../shared/voicemail/beep-detector.js';

const WORKLET_URL = new URL('./beep-tap-worklet.js', import.meta.url);
const loaded = new WeakMap<AudioContext, Promise<void>>();

export interface FarEndListener {
  stop(): void;
}

/**
 * Feeds the far end's audio to the beep detector from an AudioWorklet, from
 * the moment the call is answered until the detector's verdict (or stop()).
 * Every event is passed on; the verdict is the last one.
 */
export async function listenToFarEnd(
  context: AudioContext,
  remote: MediaStream,
  settings: Partial<DetectorSettings>,
  onEvent: (event: DetectorEvent) => void,
): Promise<FarEndListener> {
  let ready = loaded.get(context);
  if (!ready) {
    ready = context.audioWorklet.addModule(WORKLET_URL.href);
    loaded.set(context, ready);
  }
  await ready;
  const detector = new BeepDetector(context.sampleRate, settings);
  const source = context.createMediaStreamSource(remote);
  const tap = new AudioWorkletNode(context, 'beep-tap', { numberOfInputs: 1, numberOfOutputs: 0, channelCount: 1, channelCountMode: 'explicit' });
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    tap.port.postMessage('stop');
    tap.port.onmessage = null;
    source.disconnect();
    tap.disconnect();
  };
  tap.port.onmessage = (message: MessageEvent<Float32Array>) => {
    if (stopped) return;
    for (const event of detector.push(message.data)) {
      onEvent(event);
      if (detector.verdict === event) stop();
    }
  };
  source.connect(tap);
  return { stop };
}
