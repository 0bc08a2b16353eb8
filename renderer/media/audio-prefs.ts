/**
 * The rep's microphone and speaker choice. Device ids are per browser profile and origin, so they
 * live in the renderer (localStorage), not in the core's account settings.
 */
export interface AudioPrefs {
  /** `deviceId` of the microphone; '' = the system default. */
  inputDeviceId: string;
  /** `deviceId` of the speaker/headset (setSinkId); '' = the system default. */
  outputDeviceId: string;
  /**
   * Echo cancellation, noise suppression and automatic gain. On for speakers and laptop mics; a
   * headset or a line input sounds cleaner (and keeps its level) with them off.
   */
  voiceProcessing: boolean;
}

export const DEFAULT_AUDIO_PREFS: AudioPrefs = { inputDeviceId: '', outputDeviceId: '', voiceProcessing: true };

const KEY = 'dialdesk.audio';

/** Reads stored prefs, tolerating missing/garbled storage (then the defaults). */
export function parseAudioPrefs(text: string | null): AudioPrefs {
  if (!text) return { ...DEFAULT_AUDIO_PREFS };
  try {
    const value = JSON.parse(text) as Partial<Record<keyof AudioPrefs, unknown>>;
    return {
      inputDeviceId: typeof value.inputDeviceId === 'string' ? value.inputDeviceId : '',
      outputDeviceId: typeof value.outputDeviceId === 'string' ? value.outputDeviceId : '',
      voiceProcessing: typeof value.voiceProcessing === 'boolean' ? value.voiceProcessing : true,
    };
  } catch {
    return { ...DEFAULT_AUDIO_PREFS };
  }
}

/** getUserMedia audio constraints for the prefs. */
export function microphoneConstraints(prefs: AudioPrefs): MediaTrackConstraints {
  return {
    ...(prefs.inputDeviceId ? { deviceId: { exact: prefs.inputDeviceId } } : {}),
    echoCancellation: prefs.voiceProcessing,
    noiseSuppression: prefs.voiceProcessing,
    autoGainControl: prefs.voiceProcessing,
  };
}

let cached: AudioPrefs | null = null;

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export function loadAudioPrefs(): AudioPrefs {
  cached ??= parseAudioPrefs(storage()?.getItem(KEY) ?? null);
  return cached;
}

export function saveAudioPrefs(prefs: AudioPrefs): void {
  cached = { ...prefs };
  storage()?.setItem(KEY, JSON.stringify(cached));
}
