import { describe, expect, it } from 'vitest';
import { DEFAULT_AUDIO_PREFS, microphoneConstraints, parseAudioPrefs } from '../../../renderer/media/audio-prefs.js';
import { meterLevel, rms } from '../../../renderer/media/level-meter.js';

describe('audio prefs and levels', () => {
  it('reads stored prefs and falls back to defaults on missing or garbled storage', () => {
    expect(parseAudioPrefs(null)).toEqual(DEFAULT_AUDIO_PREFS);
    expect(parseAudioPrefs('{not json')).toEqual(DEFAULT_AUDIO_PREFS);
    expect(parseAudioPrefs('{"inputDeviceId":"mic-2","outputDeviceId":7,"voiceProcessing":false}')).toEqual({
      inputDeviceId: 'mic-2',
      outputDeviceId: '',
      voiceProcessing: false,
    });
  });

  it('asks for the chosen microphone exactly, with voice processing as chosen', () => {
    expect(microphoneConstraints({ inputDeviceId: 'mic-2', outputDeviceId: '', voiceProcessing: false })).toEqual({
      deviceId: { exact: 'mic-2' },
      echoCancellation: false,
      noiseSuppression: false,
      autoGainControl: false,
    });
    expect(microphoneConstraints(DEFAULT_AUDIO_PREFS)).toEqual({ echoCancellation: true, noiseSuppression: true, autoGainControl: true });
  });

  it('measures RMS and maps it onto a dB meter', () => {
    const sine = Array.from({ length: 8000 }, (_, i) => 0.5 * Math.sin((2 * Math.PI * 440 * i) / 8000));
    expect(rms(sine)).toBeCloseTo(0.3536, 3);
    expect(rms([])).toBe(0);
    expect(meterLevel(0)).toBe(0);
    expect(meterLevel(1)).toBe(1);
    expect(meterLevel(0.001)).toBeCloseTo(0, 5); // −60 dBFS
    expect(meterLevel(0.0316)).toBeCloseTo(0.5, 2); // −30 dBFS
  });
});
