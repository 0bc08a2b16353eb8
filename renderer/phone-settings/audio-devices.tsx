import { useCallback, useEffect, useState } from 'react';
import { loadAudioPrefs, saveAudioPrefs, type AudioPrefs } from '../media/audio-prefs.js';

interface Device {
  id: string;
  label: string;
}

/** Microphone and speaker for calls (kept in this window's storage) and voice processing. */
export function AudioDevices() {
  const [prefs, setPrefs] = useState<AudioPrefs>(loadAudioPrefs);
  const [inputs, setInputs] = useState<Device[]>([]);
  const [outputs, setOutputs] = useState<Device[]>([]);
  const [labelled, setLabelled] = useState(true);
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const canPickSpeaker = typeof HTMLMediaElement !== 'undefined' && 'setSinkId' in HTMLMediaElement.prototype;

  const refresh = useCallback(async () => {
    if (!navigator.mediaDevices?.enumerateDevices) {
      setProblem('This window cannot list audio devices.');
      return;
    }
    const devices = await navigator.mediaDevices.enumerateDevices();
    const pick = (kind: MediaDeviceKind) =>
      devices
        .filter((d) => d.kind === kind && d.deviceId !== 'default' && d.deviceId !== 'communications' && d.deviceId !== '')
        .map((d, i) => ({ id: d.deviceId, label: d.label || `${kind === 'audioinput' ? 'Microphone' : 'Speaker'} ${i + 1}` }));
    setInputs(pick('audioinput'));
    setOutputs(pick('audiooutput'));
    // Labels stay empty until the microphone was allowed once.
    setLabelled(devices.some((d) => d.kind === 'audioinput' && d.label !== ''));
  }, []);

  useEffect(() => {
    void refresh();
    const devices = navigator.mediaDevices;
    if (!devices) return;
    const onChange = () => void refresh();
    devices.addEventListener('devicechange', onChange);
    return () => devices.removeEventListener('devicechange', onChange);
  }, [refresh]);

  const allow = async () => {
    setProblem(null);
    try {
      const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
      stream.getTracks().forEach((t) => t.stop());
      await refresh();
    } catch (error) {
      setProblem(`The microphone was not allowed (${error instanceof Error ? error.name : String(error)}).`);
    }
  };

  const change = (patch: Partial<AudioPrefs>) => {
    const next = { ...prefs, ...patch };
    setPrefs(next);
    saveAudioPrefs(next);
    setSaved(true);
  };

  return (
    <section className="card phone-audio" aria-labelledby="phone-audio-title">
      <h2 id="phone-audio-title">Microphone and speaker</h2>
      <div className="field">
        <label htmlFor="phone-mic">Microphone</label>
        <select id="phone-mic" className="input" value={prefs.inputDeviceId} onChange={(e) => change({ inputDeviceId: e.target.value })}>
          <option value="">System default</option>
          {inputs.map((d) => (
            <option key={d.id} value={d.id}>
              {d.label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="phone-speaker">Speaker</label>
        <select
          id="phone-speaker"
          className="input"
          value={prefs.outputDeviceId}
          disabled={!canPickSpeaker}
          onChange={(e) => change({ outputDeviceId: e.target.value })}
        >
          <option value="">System default</option>
          {outputs.map((d) => (
            <option key={d.id} value={d.id}>
              {d.label}
            </option>
          ))}
        </select>
      </div>
      <label className="check">
        <input type="checkbox" checked={prefs.voiceProcessing} onChange={(e) => change({ voiceProcessing: e.target.checked })} />
        Echo cancellation and noise suppression (turn off with a headset for a cleaner, steadier voice)
      </label>
      {!labelled ? (
        <p className="hint muted">
          Device names appear once the microphone is allowed.{' '}
          <button type="button" className="button button-quiet button-small" onClick={() => void allow()}>
            Allow microphone
          </button>
        </p>
      ) : null}
      {problem ? <p className="warning">{problem}</p> : null}
      <p role="status" className="status-line" aria-label="Audio status">
        {saved ? 'Audio devices saved; used from the next call.' : ''}
      </p>
    </section>
  );
}
