import { useCallback, useEffect, useState } from 'react';
import { acceleratorProblem, DESK_ACTION_LABELS, DESK_ACTIONS, type GlobalKeyStatus, type GlobalKeys } from '../../shared/desk-keys.js';
import { useApi, useDialdeskEvent } from '../api/api-context.js';
import { ErrorMessage } from '../ui/error-message.js';
import { useApiAction } from '../ui/use-api-action.js';

/**
 * Settings → Global keys: answer, hang up, mute, drop voicemail and pause the
 * block while another program is in front. Off by default; a key another
 * program holds is listed as a conflict (the app's shell reports it).
 */
export function GlobalKeysSettings() {
  const api = useApi();
  const { busy, error, run } = useApiAction();
  const [keys, setKeys] = useState<GlobalKeys | null>(null);
  const [status, setStatus] = useState<GlobalKeyStatus | null>(null);

  const loadStatus = useCallback(() => void api.getGlobalKeyStatus({}).then((result) => result.ok && setStatus(result.value)), [api]);
  useEffect(() => {
    void api.getSettings({}).then((result) => result.ok && setKeys(result.value.globalKeys));
    loadStatus();
  }, [api, loadStatus]);
  useDialdeskEvent((event) => {
    if (event.type === 'global-keys.changed') loadStatus();
  });
  if (!keys || !status) return null;

  if (!status.available) {
    return (
      <fieldset className="card global-keys-settings">
        <legend>Global keys</legend>
        <p className="hint">Keys that answer, hang up, mute, drop the voicemail or pause the block while another program is in front work in the Dialdesk app, not in a browser.</p>
      </fieldset>
    );
  }

  const problems = Object.fromEntries(DESK_ACTIONS.map((action) => [action, keys.keys[action] ? acceleratorProblem(keys.keys[action]) : null]));
  const save = async (next: GlobalKeys) => {
    const saved = await run(() => api.updateSettings({ globalKeys: next }));
    if (saved.ok) setKeys(saved.value.globalKeys);
  };

  return (
    <fieldset className="card global-keys-settings">
      <legend>Global keys</legend>
      <label className="check">
        <input type="checkbox" checked={keys.enabled} disabled={busy} onChange={(event) => void save({ ...keys, enabled: event.target.checked })} />
        Use global keys (they work while another program is in front, and no other program gets them)
      </label>
      <form
        className="global-keys"
        onSubmit={(event) => {
          event.preventDefault();
          void save(keys);
        }}
      >
        {DESK_ACTIONS.map((action) => (
          <label key={action} className="field">
            <span>{DESK_ACTION_LABELS[action]}</span>
            <input
              value={keys.keys[action]}
              placeholder="none"
              maxLength={60}
              aria-invalid={problems[action] ? true : undefined}
              onChange={(event) => setKeys({ ...keys, keys: { ...keys.keys, [action]: event.target.value.trim() } })}
            />
            {problems[action] ? <small className="notice">{problems[action]}</small> : null}
          </label>
        ))}
        <p className="hint">Write keys as Electron does: CmdOrCtrl+Alt+A, Ctrl+Shift+F9, MediaPlayPause. Empty: no key for that action.</p>
        <button type="submit" className="button" disabled={busy}>
          Save keys
        </button>
      </form>
      {status.conflicts.length ? (
        <ul className="notice" role="alert" aria-label="Global key conflicts">
          {status.conflicts.map((conflict) => (
            <li key={conflict.action}>
              {DESK_ACTION_LABELS[conflict.action]}: {conflict.accelerator} — {conflict.reason}
            </li>
          ))}
        </ul>
      ) : keys.enabled && status.registered.length ? (
        <p className="hint" role="status">
          Active: {status.registered.map((action) => `${DESK_ACTION_LABELS[action]} ${keys.keys[action]}`).join(', ')}.
        </p>
      ) : null}
      {error ? <ErrorMessage error={error} title="Could not save" /> : null}
    </fieldset>
  );
}
