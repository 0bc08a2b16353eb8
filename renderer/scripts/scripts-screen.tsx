import { useCallback, useEffect, useState } from 'react';
import type { ScriptListItem } from '../../shared/contract/index.js';
import type { ScriptStage } from '../../shared/domain.js';
import type { ApiError } from '../../shared/result.js';
import { useApi } from '../api/api-context.js';
import { ErrorMessage } from '../ui/error-message.js';
import { STAGE_LABELS } from '../ui/labels.js';
import { VoicemailAudioSection } from './voicemail-audio-section.js';
import { CoachList } from './coach-list.js';
import { ScriptEditor } from './script-editor.js';
import './scripts.css';
import { useSettings } from '../ui/use-settings.js';
import { ScriptText } from '../ui/script-text.js';
import { gapMarker } from '../../shared/script-gaps.js';
import type { ScriptVariable } from '../../shared/schedule.js';

/** The rep's own values every script says, by the Settings field that holds each. */
const REP_VALUES = [
  ['rep_name', 'repName'],
  ['rep_company', 'repCompany'],
  ['callback_number', 'callbackNumber'],
] as const satisfies ReadonlyArray<readonly [ScriptVariable, 'repName' | 'repCompany' | 'callbackNumber']>;

const STAGES: Array<{ stage: ScriptStage; hint: string }> = [
  { stage: 'first', hint: 'The first message. Several active scripts take turns per lead, so you can compare return rates.' },
  { stage: 'follow-up', hint: 'Later messages: open with “calling as promised” and promise the next attempt.' },
  { stage: 'opt-out', hint: 'The last message before you stop: offer to close the file, give a deadline.' },
];

type Editing = { script: ScriptListItem | null; stage: ScriptStage } | null;

/** Voicemail scripts per stage with the coach's notes; edit, create, switch on and off. */
export function ScriptsScreen() {
  const api = useApi();
  const [scripts, setScripts] = useState<ScriptListItem[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [editing, setEditing] = useState<Editing>(null);
  const [status, setStatus] = useState('');
  const [busyId, setBusyId] = useState<string | null>(null);
  const settings = useSettings();
  const unset = settings ? REP_VALUES.filter(([, field]) => settings[field].trim() === '').map(([variable]) => variable) : [];

  const load = useCallback(async () => {
    const result = await api.listScripts({});
    if (result.ok) {
      setScripts(result.value);
      setError(null);
    } else {
      setError(result.error);
    }
  }, [api]);

  useEffect(() => {
    void load();
  }, [load]);

  const toggleActive = async (script: ScriptListItem) => {
    setBusyId(script.id);
    setStatus('');
    // Show the switch moved at once; the list is reloaded from the core either way.
    setScripts((list) => list?.map((s) => (s.id === script.id ? { ...s, active: !s.active } : s)) ?? null);
    const result = await api.saveScript({ id: script.id, stage: script.stage, name: script.name, template: script.template, active: !script.active });
    setBusyId(null);
    if (!result.ok) {
      setError(result.error);
      await load();
      return;
    }
    setStatus(`${result.value.name} is now ${result.value.active ? 'active' : 'off'} (version ${result.value.version}).`);
    await load();
  };

  if (editing) {
    return (
      <div className="scripts-screen">
        <h1 className="screen-title">Voicemail scripts</h1>
        <ScriptEditor
          key={editing.script?.id ?? `new-${editing.stage}`}
          script={editing.script}
          stage={editing.stage}
          onCancel={() => setEditing(null)}
          onSaved={(saved) => {
            setEditing(null);
            setStatus(`Saved “${saved.name}”, version ${saved.version}.`);
            void load();
          }}
        />
      </div>
    );
  }

  return (
    <div className="scripts-screen">
      <h1 className="screen-title">Voicemail scripts</h1>
      <p className="muted scripts-intro">
        A voicemail sells the return call, not the product: who you are, one reason, your number, and when you will try again.
      </p>
      {unset.length > 0 ? (
        <p className="warning scripts-unset">
          Your scripts say these, and a voicemail is not played without your name and callback number:{' '}
          {unset.map((variable, index) => (
            <span key={variable}>
              {index > 0 ? ', ' : ''}
              <ScriptText text={gapMarker(variable)} />
            </span>
          ))}
        </p>
      ) : null}
      <p role="status" className="status-line">
        {status}
      </p>
      {error ? <ErrorMessage error={error} title="Scripts could not be loaded or saved" /> : null}
      {scripts === null && !error ? <p className="muted">Loading scripts…</p> : null}
      {scripts
        ? STAGES.map(({ stage, hint }) => {
            const forStage = scripts.filter((s) => s.stage === stage);
            return (
              <section key={stage} className="script-stage" aria-labelledby={`stage-${stage}`}>
                <div className="script-stage-head">
                  <div>
                    <h2 id={`stage-${stage}`}>{STAGE_LABELS[stage]}</h2>
                    <p className="hint muted">{hint}</p>
                  </div>
                  <button type="button" className="button" onClick={() => setEditing({ script: null, stage })}>
                    New {STAGE_LABELS[stage].toLowerCase()} script
                  </button>
                </div>
                {forStage.length === 0 ? <p className="muted">No scripts for this stage: voicemails here have nothing to read.</p> : null}
                <ul className="script-cards">
                  {forStage.map((script) => (
                    <li key={script.id} className={`card script-card${script.active ? '' : ' is-off'}`} aria-label={script.name}>
                      <div className="script-card-head">
                        <h3>{script.name}</h3>
                        <span className="muted script-version">v{script.version}</span>
                        <label className="switch">
                          <input
                            type="checkbox"
                            checked={script.active}
                            disabled={busyId === script.id}
                            onChange={() => void toggleActive(script)}
                          />
                          Active
                        </label>
                        <button type="button" className="button" onClick={() => setEditing({ script, stage })} aria-label={`Edit ${script.name}`}>
                          Edit
                        </button>
                      </div>
                      <p className="script-text">{script.template}</p>
                      <CoachList warnings={script.warnings} compact />
                    </li>
                  ))}
                </ul>
              </section>
            );
          })
        : null}
      <VoicemailAudioSection />
    </div>
  );
}
