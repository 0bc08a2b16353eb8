import { useId, useRef, useState, type FormEvent } from 'react';
import type { ScriptListItem } from '../../shared/contract/index.js';
import type { ScriptStage } from '../../shared/domain.js';
import type { ApiError } from '../../shared/result.js';
import { useApi } from '../api/api-context.js';
import { ErrorMessage } from '../ui/error-message.js';
import { STAGE_LABELS } from '../ui/labels.js';
import { CoachList } from './coach-list.js';
import { useScriptCheck } from './use-script-check.js';
import { insertAt, VARIABLE_HELP } from './variables.js';

const STAGES: ScriptStage[] = ['first', 'follow-up', 'opt-out'];

interface Props {
  /** The script to edit (a new version is saved), or null for a new script. */
  script: ScriptListItem | null;
  stage: ScriptStage;
  onSaved: (script: ScriptListItem) => void;
  onCancel: () => void;
}

/** Edit a template with the core checking it as you type; saving makes a new version. */
export function ScriptEditor({ script, stage: initialStage, onSaved, onCancel }: Props) {
  const api = useApi();
  const id = useId();
  const textRef = useRef<HTMLTextAreaElement>(null);
  const [name, setName] = useState(script?.name ?? '');
  const [stage, setStage] = useState<ScriptStage>(script?.stage ?? initialStage);
  const [template, setTemplate] = useState(script?.template ?? '');
  const [active, setActive] = useState(script?.active ?? true);
  const [busy, setBusy] = useState(false);
  const [saveError, setSaveError] = useState<ApiError | null>(null);
  const { check, error: checkError } = useScriptCheck(template, stage);

  const current = check !== null && check.template === template && check.stage === stage;
  const errors = current ? check.errors : [];
  const canSave = current && errors.length === 0 && name.trim() !== '' && template.trim() !== '' && !busy;

  const insertVariable = (variable: string) => {
    const area = textRef.current;
    const { value, caret } = insertAt(template, area?.selectionStart ?? template.length, area?.selectionEnd ?? template.length, `{${variable}}`);
    setTemplate(value);
    requestAnimationFrame(() => {
      area?.focus();
      area?.setSelectionRange(caret, caret);
    });
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!canSave) return;
    setBusy(true);
    setSaveError(null);
    const result = await api.saveScript({ ...(script ? { id: script.id } : {}), stage, name: name.trim(), template: template.trim(), active });
    setBusy(false);
    if (result.ok) onSaved(result.value);
    else setSaveError(result.error);
  };

  return (
    <form className="card script-editor" onSubmit={save} aria-label={script ? `Edit ${script.name}` : 'New script'} noValidate>
      <h2>{script ? `Edit “${script.name}”` : 'New script'}</h2>
      {script ? <p className="muted">Saving makes version {script.version + 1}; voicemails left with version {script.version} keep it.</p> : null}
      <div className="script-editor-grid">
        <div className="script-editor-main">
          <div className="script-editor-row">
            <div className="field">
              <label htmlFor={`${id}-name`}>Script name</label>
              <input id={`${id}-name`} className="input" maxLength={100} value={name} onChange={(e) => setName(e.target.value)} />
            </div>
            <div className="field">
              <label htmlFor={`${id}-stage`}>Stage</label>
              <select id={`${id}-stage`} className="input" value={stage} onChange={(e) => setStage(e.target.value as ScriptStage)}>
                {STAGES.map((s) => (
                  <option key={s} value={s}>
                    {STAGE_LABELS[s]}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <label htmlFor={`${id}-template`}>Template</label>
          <textarea
            id={`${id}-template`}
            ref={textRef}
            className="script-template"
            rows={7}
            maxLength={5000}
            value={template}
            spellCheck
            aria-invalid={errors.length > 0 || undefined}
            aria-describedby={`${id}-problems`}
            onChange={(e) => setTemplate(e.target.value)}
          />
          <div id={`${id}-problems`} className="script-problems" aria-live="polite">
            {errors.length > 0 ? (
              <ul className="script-errors" aria-label="Errors">
                {errors.map((error) => (
                  <li key={error} className="field-error">
                    {error}
                  </li>
                ))}
              </ul>
            ) : null}
            {current ? <CoachList warnings={check.warnings.filter((w) => w.code !== 'unknown-variable' && w.code !== 'syntax')} /> : null}
          </div>
          {checkError ? <ErrorMessage error={checkError} title="The script could not be checked" /> : null}
          <label className="checkbox-label">
            <input type="checkbox" checked={active} onChange={(e) => setActive(e.target.checked)} /> Active (used for voicemails at this stage)
          </label>
          {saveError ? <ErrorMessage error={saveError} title="The script was not saved" /> : null}
          <div className="actions">
            <button type="submit" className="button button-primary" disabled={!canSave}>
              {busy ? 'Saving…' : script ? `Save version ${script.version + 1}` : 'Save script'}
            </button>
            <button type="button" className="button" onClick={onCancel}>
              Cancel
            </button>
            {errors.length > 0 ? <span className="muted">Fix the errors to save.</span> : null}
          </div>
        </div>
        <aside className="variable-help" aria-labelledby={`${id}-vars`}>
          <h3 id={`${id}-vars`}>Variables</h3>
          <p className="hint muted">Click one to insert it at the cursor.</p>
          <ul className="variable-list">
            {VARIABLE_HELP.map((v) => (
              <li key={v.name}>
                <button type="button" className="variable-chip" onClick={() => insertVariable(v.name)} aria-label={`Insert {${v.name}}`}>
                  {`{${v.name}}`}
                </button>
                <span className="variable-text">{v.help}</span>
              </li>
            ))}
          </ul>
          <p className="hint">
            <strong>Fallbacks:</strong> <code>{'{referrer|a colleague}'}</code> says “a colleague” when the lead has no referrer. Without a
            fallback an empty value leaves a gap, and the voicemail panel warns you.
          </p>
          <p className="hint">
            Literal braces: <code>{'{{'}</code> and <code>{'}}'}</code>.
          </p>
        </aside>
      </div>
    </form>
  );
}
