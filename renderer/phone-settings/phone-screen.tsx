import { plainWebSocketProblem } from '../../shared/plain-websocket.js';
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { INBOUND_SUPPRESSIONS, RING_TIMEOUT_MAX_SECONDS, RING_TIMEOUT_MIN_SECONDS, type InboundSuppression } from '../../shared/sip.js';
import { useApi } from '../api/api-context.js';
import { useLoadedForm } from '../ui/use-loaded-form.js';
import { ErrorMessage } from '../ui/error-message.js';
import { Field, NumberField } from '../ui/field.js';
import { useIssuesByField } from '../ui/validation-issues.js';
import { accountField, toAccountForm, toSaveInput, type AccountForm } from './account-form.js';
import { AudioDevices } from './audio-devices.js';
import './phone-settings.css';
import { SaveActions } from '../ui/save-actions.js';

const SUPPRESSION_LABELS: Record<InboundSuppression, string> = {
  'busy-486': 'Busy (486): their phone says you are on another call',
  'unavailable-480': 'Unavailable (480)',
  'divert-302': 'Divert to voicemail (302)',
};

/** The Phone screen: the SIP account the core registers with, and the rep's microphone and speaker. */
/** `children`: parts other features add (the test call), wired in app/screens.tsx. */
export function PhoneScreen({ children }: { children?: ReactNode }) {
  const api = useApi();
  const {
    value: view,
    form,
    loadError,
    saveError,
    saved,
    busy,
    update,
    save: saveWith,
  } = useLoadedForm({ load: () => api.getSipAccount({}), toForm: toAccountForm });

  const issues = useIssuesByField(saveError, accountField);
  const [sessionOnly, setSessionOnly] = useState(false);
  useEffect(() => {
    void api.getStatus({}).then((status) => setSessionOnly(status.ok && status.value.passwordStorage === 'session'));
  }, [api]);

  if (loadError) return <ErrorMessage error={loadError} title="Could not load the phone account" />;
  if (!form) return <p className="muted">Loading phone settings…</p>;

  const save = (event: FormEvent) => {
    event.preventDefault();
    void saveWith(() => api.saveSipAccount(toSaveInput(form)));
  };

  const text = (field: 'serverUrl' | 'aor' | 'authUsername' | 'displayName' | 'callerId' | 'dialPlan' | 'voicemailUri', type = 'text') =>
    function TextInput(props: { id: string; 'aria-describedby'?: string; 'aria-invalid'?: boolean }) {
      return (
        <input
          {...props}
          className="input"
          type={type}
          autoComplete="off"
          spellCheck={false}
          value={form[field]}
          onChange={(e) => update({ [field]: e.target.value })}
        />
      );
    };

  return (
    <div className="phone-screen">
      <h1 className="screen-title">Phone</h1>
      <form className="card phone-form" onSubmit={save} noValidate aria-label="Phone account">
        <fieldset>
          <legend>SIP account</legend>
          <p className="hint muted">
            From your PBX or provider: a SIP-over-WebSocket address and a SIP user. See “Phone setup” in the README for Asterisk,
            FreeSWITCH and Kamailio.
          </p>
          <Field label="Server (WebSocket URL)" hint="e.g. wss://pbx.example.com:8089/ws" errors={issues.fields.serverUrl}>
            {text('serverUrl', 'url')}
          </Field>
          {/^ws:\/\//i.test(form.serverUrl.trim()) && plainWebSocketProblem(form.serverUrl.trim()) === null ? (
            <p className="warning" role="status">
              ws:// is not encrypted: your password exchange and every number you call cross the network in clear text. Fine for a
              PBX on this computer or a trusted office network; use wss:// anywhere else.
            </p>
          ) : null}
          <Field label="SIP address" hint="Your SIP user, e.g. sip:rep@pbx.example.com" errors={issues.fields.aor}>
            {text('aor')}
          </Field>
          <Field label="Auth username" hint="Leave empty when it is the user part of the SIP address." errors={issues.fields.authUsername}>
            {text('authUsername')}
          </Field>
          <Field
            label="Password"
            hint={view?.hasPassword ? 'A password is saved. Leave empty to keep it. A new server, SIP address or auth username needs it entered again.' : 'No password saved.'}
            errors={issues.fields.password}
          >
            {(props) => (
              <input
                {...props}
                className="input"
                type="password"
                autoComplete="new-password"
                placeholder={view?.hasPassword ? 'saved' : ''}
                value={form.password}
                onChange={(e) => update({ password: e.target.value })}
              />
            )}
          </Field>
          {sessionOnly ? (
            <p className="hint notice" role="note">
              No system keyring is reachable here, so a password you enter is kept only until Dialdesk stops (never written to
              disk). Enter it again after a restart.
            </p>
          ) : null}
          {view?.hasPassword ? (
            <label className="check">
              <input type="checkbox" checked={form.clearPassword} onChange={(e) => update({ clearPassword: e.target.checked })} />
              Forget the saved password
            </label>
          ) : null}
          <Field label="Display name" hint="Shown to people you call, where the network passes it on." errors={issues.fields.displayName}>
            {text('displayName')}
          </Field>
        </fieldset>
        <fieldset>
          <legend>Calling</legend>
          <Field label="Caller ID" hint="E.164, e.g. +15125550182. Empty: your PBX decides." errors={issues.fields.callerId}>
            {text('callerId', 'tel')}
          </Field>
          <Field
            label="Dial plan"
            hint="How a lead's number becomes a SIP address: {e164} is +15551234567, {digits} is 15551234567. e.g. sip:{e164}@pbx.example.com"
            errors={issues.fields.dialPlan}
          >
            {text('dialPlan')}
          </Field>
          <NumberField
            label="Ring timeout (seconds)"
            hint={`At least ${RING_TIMEOUT_MIN_SECONDS} s, so a lead can reach the phone before it is counted as no answer.`}
            errors={issues.fields.ringTimeoutSeconds}
            min={RING_TIMEOUT_MIN_SECONDS}
            max={RING_TIMEOUT_MAX_SECONDS}
            value={form.ringTimeoutSeconds}
            onChange={(ringTimeoutSeconds) => update({ ringTimeoutSeconds })}
          />
          <Field label="Keypad tones (DTMF)" hint="RFC 4733 works almost everywhere; SIP INFO for PBXs that want it." errors={issues.fields.dtmfMode}>
            {(props) => (
              <select {...props} className="input" value={form.dtmfMode} onChange={(e) => update({ dtmfMode: e.target.value as AccountForm['dtmfMode'] })}>
                <option value="rfc4733">RFC 4733 (in the audio stream)</option>
                <option value="info">SIP INFO</option>
              </select>
            )}
          </Field>
          <Field label="ICE / STUN servers" hint="One per line, e.g. stun:stun.example.com:3478. Empty on a LAN or behind a media relay." errors={issues.fields.iceServers}>
            {(props) => (
              <textarea {...props} className="input" rows={2} spellCheck={false} value={form.iceServers} onChange={(e) => update({ iceServers: e.target.value })} />
            )}
          </Field>
        </fieldset>
        <fieldset>
          <legend>Incoming calls while you dial</legend>
          <Field label="Answer them with" hint="During a dial block or a call, callers get this instead of ringing." errors={issues.fields.inboundSuppression}>
            {(props) => (
              <select
                {...props}
                className="input"
                value={form.inboundSuppression}
                onChange={(e) => update({ inboundSuppression: e.target.value as InboundSuppression })}
              >
                {INBOUND_SUPPRESSIONS.map((s) => (
                  <option key={s} value={s}>
                    {SUPPRESSION_LABELS[s]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Voicemail SIP address" hint="Where “divert” sends callers, e.g. sip:*97@pbx.example.com" errors={issues.fields.voicemailUri}>
            {text('voicemailUri')}
          </Field>
        </fieldset>
        {saveError ? <ErrorMessage error={saveError} title="The phone account was not saved" /> : null}
        <SaveActions busy={busy} saved={saved} label="Save and connect" savedText="Saved. Connecting with the new account…" statusLabel="Save status" />
      </form>
      <AudioDevices />
      {children}
    </div>
  );
}
