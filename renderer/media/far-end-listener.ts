import { BeepDetector, type DetectorEvent, type DetectorSettings } from '../../shared/voicemail/beep-detector.js';
import { tapStream, type AudioTap } from './audio-tap.js';

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
): Promise<AudioTap> {
  const detector = new BeepDetector(context.sampleRate, settings);
  const tap: AudioTap = await tapStream(context, remote, (chunk) => {
    for (const event of detector.push(chunk)) onEvent(event);
    // The verdict may come with no event of its own (a person's, once no beep followed their hello).
    if (detector.verdict) tap.stop();
  });
  return tap;
}
