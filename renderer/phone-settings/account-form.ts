import {
  RING_TIMEOUT_DEFAULT_SECONDS,
  type DtmfMode,
  type InboundSuppression,
  type SipAccount,
  type SipAccountView,
} from '../../shared/sip.js';

/** The SIP account form as typed: text everywhere, the password write-only. */
export interface AccountForm {
  serverUrl: string;
  aor: string;
  authUsername: string;
  /** What the rep typed; '' = keep the saved one. Never filled from the core. */
  password: string;
  clearPassword: boolean;
  displayName: string;
  callerId: string;
  /** One `stun:`/`turn:` URL per line. */
  iceServers: string;
  dialPlan: string;
  ringTimeoutSeconds: string;
  dtmfMode: DtmfMode;
  inboundSuppression: InboundSuppression;
  voicemailUri: string;
}

export type AccountField = Exclude<keyof AccountForm, 'clearPassword'>;

const FIELDS: AccountField[] = [
  'serverUrl',
  'aor',
  'authUsername',
  'password',
  'displayName',
  'callerId',
  'iceServers',
  'dialPlan',
  'ringTimeoutSeconds',
  'dtmfMode',
  'inboundSuppression',
  'voicemailUri',
];

export function toAccountForm(view: SipAccountView | null): AccountForm {
  return {
    serverUrl: view?.serverUrl ?? '',
    aor: view?.aor ?? '',
    authUsername: view?.authUsername ?? '',
    password: '',
    clearPassword: false,
    displayName: view?.displayName ?? '',
    callerId: view?.callerId ?? '',
    iceServers: (view?.iceServers ?? []).join('\n'),
    dialPlan: view?.dialPlan ?? '',
    ringTimeoutSeconds: String(view?.ringTimeoutSeconds ?? RING_TIMEOUT_DEFAULT_SECONDS),
    dtmfMode: view?.dtmfMode ?? 'rfc4733',
    inboundSuppression: view?.inboundSuppression ?? 'busy-486',
    voicemailUri: view?.voicemailUri ?? '',
  };
}

/** The `saveSipAccount` input: trimmed text, ICE servers split by line/comma/space, password only when typed. */
export function toSaveInput(form: AccountForm): { account: SipAccount; password?: string; clearPassword: boolean } {
  const ring = form.ringTimeoutSeconds.trim();
  return {
    account: {
      serverUrl: form.serverUrl.trim(),
      aor: form.aor.trim(),
      authUsername: form.authUsername.trim(),
      displayName: form.displayName.trim(),
      callerId: form.callerId.replace(/[\s()-]/g, ''),
      iceServers: form.iceServers
        .split(/[\s,]+/)
        .map((s) => s.trim())
        .filter(Boolean),
      dialPlan: form.dialPlan.trim(),
      // Not a number stays not a number: the core answers with the field's own message.
      ringTimeoutSeconds: /^\d+$/.test(ring) ? Number(ring) : Number.NaN,
      dtmfMode: form.dtmfMode,
      inboundSuppression: form.inboundSuppression,
      voicemailUri: form.voicemailUri.trim(),
    },
    ...(form.password !== '' ? { password: form.password } : {}),
    clearPassword: form.password === '' && form.clearPassword,
  };
}

/**
 * The form field an issue belongs to. The contract's validation names them `['account', 'serverUrl']`,
 * the service's own check `['serverUrl']`; `['iceServers', '2']` belongs to iceServers.
 */
export function accountField(path: readonly string[]): AccountField | undefined {
  const [first] = path[0] === 'account' ? path.slice(1) : path;
  return FIELDS.find((field) => field === first);
}
