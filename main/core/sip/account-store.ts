import Conf from 'conf';
import type { SipAccount, SipAccountView } from '../../../shared/sip.js';
import type { SecretStore } from '../settings/secret-store.js';
import { ApiFailure } from '../api/api-failure.js';

/** Where the non-secret account fields live. The app and CLI use `conf`; unit tests memory. */
export interface SipAccountStore {
  get(): SipAccount | null;
  set(account: SipAccount): void;
}

/** `<dataDir>/sip-account.json` through `conf` (what electron-store wraps; works in plain Node). */
export function createConfAccountStore(dataDir: string): SipAccountStore {
  const conf = new Conf<{ account: SipAccount | null }>({
    cwd: dataDir,
    configName: 'sip-account',
    projectName: 'dialdesk',
    defaults: { account: null },
  });
  return {
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

  save(account: SipAccount, password: string | undefined, clearPassword: boolean): SipAccountView {
    if (password !== undefined) {
      // Refuse rather than keep a password somewhere unencrypted (STYLE.md: secrets only via safeStorage).
      if (!this.secrets.available) throw new ApiFailure('refused', 'This system offers no encrypted storage; the password was not saved.');
      this.secrets.set(SIP_PASSWORD_KEY, password);
    } else if (clearPassword) {
      this.secrets.delete(SIP_PASSWORD_KEY);
    }
    this.store.set(account);
    return this.view()!;
  }
}
