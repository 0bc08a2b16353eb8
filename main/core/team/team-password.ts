/**
 * The rep's team database password, in the system keyring (as the SIP
 * password is): one entry per data folder. Never in team.json. Where no
 * keyring answers, PostgreSQL's own ways remain (PGPASSWORD, ~/.pgpass),
 * and a join that carries a password says so instead of writing it to disk.
 */
const SERVICE = 'Dialdesk';
const account = (dataDir: string) => `team-database@${dataDir}`;

interface Entry {
  getPassword(): string | null;
  setPassword(password: string): void;
  deletePassword(): boolean;
}

async function entryFor(dataDir: string): Promise<Entry> {
  const { Entry } = await import('@napi-rs/keyring');
  // On Linux only the Secret Service keeps a password across a restart (as main/web/keyring-secrets.ts).
  return new Entry(SERVICE, account(dataDir), { linux: { store: 'secret-service' } });
}

export class NoKeyringError extends Error {}

/** Keeps the password in the keyring; throws NoKeyringError where none is reachable. */
export async function saveTeamPassword(dataDir: string, password: string): Promise<void> {
  try {
    (await entryFor(dataDir)).setPassword(password);
  } catch (error) {
    throw new NoKeyringError(
      `No system keyring took the team database password (${error instanceof Error ? error.message : String(error)}). ` +
        'Dialdesk does not write passwords to disk: put it in ~/.pgpass (PostgreSQL\'s password file) or PGPASSWORD, ' +
        'and join with the URL without its password.',
    );
  }
}

/** The kept password, or null (none kept, or no keyring): pg then uses PGPASSWORD or ~/.pgpass. */
export async function loadTeamPassword(dataDir: string): Promise<string | null> {
  try {
    return (await entryFor(dataDir)).getPassword();
  } catch {
    return null;
  }
}
