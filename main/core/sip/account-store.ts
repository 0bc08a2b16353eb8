import { join } from 'node:path';
import Conf from 'conf';
import { z } from 'zod';
import { sipAccountSchema } from '../../../shared/contract/sip.js';
import type { SipAccount, SipAccountView } from '../../../shared/sip.js';
import type { SecretStore } from '../settings/secret-store.js';
import { ApiFailure } from '../api/api-failure.js';
import { setAsideIfInvalid } from '../settings/set-aside-invalid.js';

/** Where the non-secret account fields live. The app and CLI use `conf`; unit tests memory. */
export interface SipAccountStore {
  /** Set when `sip-account.json` was unusable and set aside on load; the app shows it to the rep. */
  readonly notice?: string | null;
  get(): SipAccount | null;
  set(account: SipAccount): void;
}

/** What `sip-account.json` holds; the account as the Phone screen checks it (ring timeout ≥ 15 s …). */
const accountFileSchema = z.object({ account: sipAccountSchema.nullable() });

/**
 * `<dataDir>/sip-account.json` through `conf` (what electron-store wraps; works
 * in plain Node). A file whose account would not pass the Phone screen's
 * checks is set aside on load (see `notice`): no hand-edited value, such as
 * a 5 s ring timeout, is ever used.
 */
export function createConfAccountStore(dataDir: string, now = new Date()): SipAccountStore {
  const notice = setAsideIfInvalid(join(dataDir, 'sip-account.json'), accountFileSchema, now);
  const conf = new Conf<{ account: SipAccount | null }>({
    cwd: dataDir,
    configName: 'sip-account',
    projectName: 'dialdesk',
    defaults: { account: null },
  });
  return {
    notice,
    get: () => conf.get('account') ?? null,
    set: (account) => conf.set('account', account),
  };
}

/** The SecretStore key of the SIP password. Nothing else may hold it. */
export const SIP_PASSWORD_KEY = 'sip.password';

/** Account fields plus password handling: the password goes to the SecretStore only, never back out. */
export class SipAccounts {
  constructor(
    private readonly store: SipAccountStore,
    private readonly secrets: SecretStore,
  ) {}

  view(): SipAccountView | null {
    const account = this.store.get();
    return account ? { ...account, hasPassword: this.password() !== null } : null;
  }

  account(): SipAccount | null {
    return this.store.get();
  }

  /** For the UserAgent only. */
  password(): string | null {
    return this.secrets.get(SIP_PASSWORD_KEY);
  }

  /**
   * Saves the account. The stored password stays only for the server and identity it was
   * entered for: when the server (scheme, host or port) or the identity (SIP address, auth
   * username) changes and no password is sent, it is cleared. Otherwise a page that may save
   * the account could point the line at its own server and relay the real PBX's digest
   * challenge to it, answered with the rep's password.
   */
  save(account: SipAccount, password: string | undefined, clearPassword: boolean): SipAccountView {
    if (password !== undefined) {
      // Refuse rather than keep a password somewhere unencrypted (STYLE.md: secrets only via safeStorage).
      if (!this.secrets.available) throw new ApiFailure('refused', 'This system offers no encrypted storage; the password was not saved.');
      this.secrets.set(SIP_PASSWORD_KEY, password);
    } else if (clearPassword || !passwordStillApplies(this.store.get(), account)) {
      this.secrets.delete(SIP_PASSWORD_KEY);
    }
    this.store.set(account);
    return this.view()!;
  }
}

/** Whether a password entered for `before` may answer challenges for `after`: the same server and the same identity. */
export function passwordStillApplies(before: SipAccount | null, after: SipAccount): boolean {
  if (before === null) return false;
  return serverOf(before.serverUrl) === serverOf(after.serverUrl) && sameIdentity(before, after);
}

/** Scheme, host and port of a WebSocket URL (the path may change: it is still the same server). */
function serverOf(serverUrl: string): string {
  try {
    const url = new URL(serverUrl);
    return `${url.protocol}//${url.host}`;
  } catch {
    return serverUrl;
  }
}

function sameIdentity(before: SipAccount, after: SipAccount): boolean {
  return before.aor.trim() === after.aor.trim() && before.authUsername.trim() === after.authUsername.trim();
}
