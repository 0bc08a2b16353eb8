import { useEffect, useState } from 'react';
import type { RecordedDropView, SpeechEngineView, VoicemailAudioSettings } from '../../shared/contract/index.js';
import type { ScriptStage } from '../../shared/domain.js';
import { DELIVERY_LABELS, DELIVERY_WAYS, type DeliveryWay } from '../../shared/voicemail/delivery.js';
import { useApi } from '../api/api-context.js';
import { useApiAction } from '../ui/use-api-action.js';
import { ErrorMessage } from '../ui/error-message.js';
import { loadAudioPrefs } from '../media/audio-prefs.js';
import { STAGE_LABELS } from '../ui/labels.js';
import { fromBase64, toBase64 } from '../media/base64.js';
import { DropRecorder, type Take } from './drop-recorder.js';

const STAGES: ScriptStage[] = ['first', 'follow-up', 'opt-out'];
const PREVIEW_TEXT = "Hi, this is how your voicemails will sound. I'll call you again tomorrow at 8:15.";

/** How voicemails are left: the way per stage, the speech voice and rate with a Preview, the rep's recordings. */
export function VoicemailAudioSection() {
  const api = useApi();
  const [engine, setEngine] = useState<SpeechEngineView | null>(null);
  const [settings, setSettings] = useState<VoicemailAudioSettings | null>(null);
  const [status, setStatus] = useState('');
  const { busy, error, run } = useApiAction();

  useEffect(() => {
    void api.getSpeechEngine({}).then((r) => r.ok && setEngine(r.value));
    void api.getVoicemailAudioSettings({}).then((r) => r.ok && setSettings(r.value));
  }, [api]);

  if (!settings) return null;
  const change = (patch: Partial<VoicemailAudioSettings>) => setSettings({ ...settings, ...patch });
  const save = async () => {
    const r = await run(() => api.saveVoicemailAudioSettings(settings));
    if (r.ok) setStatus('Voicemail settings saved.');
  };
  const preview = async () => {
    const r = await run(() => api.previewSpeech({ text: PREVIEW_TEXT, voice: settings.voice, rateWpm: settings.rateWpm }));
    if (r.ok) void playWav(fromBase64(r.value.wavBase64));
  };
  const ways = (way: DeliveryWay) => way !== 'read-out' || engine?.available !== false;

  return (
    <section className="voicemail-audio" aria-labelledby="voicemail-audio-title">
      <h2 id="voicemail-audio-title">How voicemails are left</h2>
      {engine && !engine.available ? <p className="warning">{engine.message}</p> : null}
      <div className="voicemail-ways">
        {STAGES.map((stage) => (
          <label key={stage}>
            {STAGE_LABELS[stage]}{' '}
            <select value={settings.wayByStage[stage]} onChange={(e) => change({ wayByStage: { ...settings.wayByStage, [stage]: e.target.value as DeliveryWay } })}>
              {DELIVERY_WAYS.filter(ways).map((way) => (
                <option key={way} value={way}>
                  {DELIVERY_LABELS[way]}
                </option>
              ))}
            </select>
          </label>
        ))}
      </div>
      {engine?.available ? (
        <div className="voicemail-voice">
          <label>
            Voice ({engine.label}){' '}
            <select value={settings.voice} onChange={(e) => change({ voice: e.target.value })}>
              <option value="">Default</option>
              {engine.voices.map((v) => (
                <option key={v.id} value={v.id}>
                  {v.name} ({v.language})
                </option>
              ))}
            </select>
          </label>
          <label>
            Rate: {settings.rateWpm} words a minute{' '}
            <input type="range" min={80} max={300} step={5} value={settings.rateWpm} onChange={(e) => change({ rateWpm: Number(e.target.value) })} />
          </label>
          <button type="button" className="button button-quiet" disabled={busy} onClick={() => void preview()}>
            Preview
          </button>
        </div>
      ) : null}
      <label>
        <input type="checkbox" checked={settings.autoDrop} onChange={(e) => change({ autoDrop: e.target.checked })} /> Drop the message by itself at the beep
      </label>
      <label>
        No beep: drop after{' '}
        <input
          type="number"
          min={1}
          max={15}
          value={settings.silenceAfterGreetingMs / 1000}
          onChange={(e) => change({ silenceAfterGreetingMs: Math.round(Number(e.target.value) * 1000) })}
        />{' '}
        seconds of silence after the greeting
      </label>
      <label>
        When the message ends{' '}
        <select value={settings.afterMessage} onChange={(e) => change({ afterMessage: e.target.value as VoicemailAudioSettings['afterMessage'] })}>
          <option value="hang-up">hang up</option>
          <option value="stay">stay on the line</option>
        </select>
      </label>
      <div className="actions">
        <button type="button" className="button button-primary" disabled={busy} onClick={() => void save()}>
          Save voicemail settings
        </button>
        {status ? <span role="status">{status}</span> : null}
      </div>
      {error ? <ErrorMessage error={error} title="Voicemail settings" /> : null}
      {STAGES.filter((stage) => settings.wayByStage[stage] === 'recorded').map((stage) => (
        <RecordedDropEditor key={stage} stage={stage} />
      ))}
    </section>
  );
}

function RecordedDropEditor({ stage }: { stage: ScriptStage }) {
  const api = useApi();
  const [drop, setDrop] = useState<RecordedDropView | null>(null);
  const [recorder, setRecorder] = useState<DropRecorder | null>(null);
  const [level, setLevel] = useState(0);
  const [take, setTake] = useState<Take | null>(null);
  const [note, setNote] = useState('');
  const { busy, error, run } = useApiAction();

  useEffect(() => {
    void api.getRecordedDrop({ stage }).then((r) => r.ok && setDrop(r.value));
  }, [api, stage]);

  const start = async () => {
    const next = new DropRecorder(setLevel);
    setTake(null);
    setNote('');
    try {
      await next.start(loadAudioPrefs().inputDeviceId ?? null);
      setRecorder(next);
    } catch (e) {
      setNote(`The microphone could not start: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  const stop = async () => {
    const result = await recorder?.stop();
    setRecorder(null);
    if (!result) setNote('Nothing but silence was recorded. Try again, closer to the microphone.');
    else {
      setTake(result);
      setNote(`${result.durationS.toFixed(1)} s after trimming ${result.trimmedS.toFixed(1)} s of silence. Play it back, then keep it or record again.`);
    }
  };
  const keep = async () => {
    if (!take) return;
    const r = await run(() => api.saveRecordedDrop({ stage, wavBase64: toBase64(take.wav) }));
    if (r.ok) {
      setDrop(r.value);
      setTake(null);
      setNote('Recording kept: it plays for every lead at this stage.');
    }
  };

  return (
    <div className="recorded-drop">
      <h3>Your recording: {STAGE_LABELS[stage]}</h3>
      <p className="muted">A recording says the same words to every lead: it cannot say their name or the promised time.</p>
      {drop?.warnings.map((w) => (
        <p key={w} className="warning">
          {w}
        </p>
      ))}
      <div className="actions">
        {recorder ? (
          <>
            <meter min={0} max={0.5} value={level} aria-label="Microphone level" />
            <button type="button" className="button button-primary" onClick={() => void stop()}>
              Stop
            </button>
          </>
        ) : (
          <button type="button" className="button" onClick={() => void start()}>
            {drop?.wavBase64 || take ? 'Record again' : 'Record'}
          </button>
        )}
        {take ? (
          <>
            <button type="button" className="button button-quiet" onClick={() => void playWav(take.wav)}>
              Play back
            </button>
            <button type="button" className="button button-primary" disabled={busy} onClick={() => void keep()}>
              Keep this recording
            </button>
          </>
        ) : drop?.wavBase64 ? (
          <button type="button" className="button button-quiet" onClick={() => void playWav(fromBase64(drop.wavBase64!))}>
            Play the kept recording ({drop.durationS.toFixed(1)} s)
          </button>
        ) : null}
      </div>
      {note ? <p role="status">{note}</p> : null}
      {error ? <ErrorMessage error={error} title="The recording was not kept" /> : null}
    </div>
  );
}

async function playWav(bytes: Uint8Array): Promise<void> {
  const url = URL.createObjectURL(new Blob([bytes.slice().buffer], { type: 'audio/wav' }));
  const audio = new Audio(url);
  audio.onended = () => URL.revokeObjectURL(url);
  await audio.play();
}
