/**
 * Connecting to the team database and preparing it: the schema is a
 * node-pg-migrate migration (plain SQL in ./migrations), run by
 * `cli team init` with an admin URL; adding a rep creates their login role
 * through dialdesk.add_rep, which quotes names and passwords itself, so
 * every statement sent from here is parameterised.
 */
import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { runner } from 'node-pg-migrate';

/** The connection settings for a URL and a password kept apart from it (the keyring's), TLS as the URL says. */
export function connectionConfig(url: string, password?: string | null): pg.ClientConfig {
  // pg lets the connection string's fields win over separate ones, so the password goes into the URL it is given.
  const withPassword = new URL(url);
  if (password) withPassword.password = encodeURIComponent(password);
  return { connectionString: withPassword.toString(), connectionTimeoutMillis: 10_000, application_name: 'dialdesk' };
}

export async function withClient<T>(config: pg.ClientConfig, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client(config);
  // A dropped connection emits 'error' on an idle client; the pending query rejects too, which is what callers handle.
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Splits `postgres://user:password@host/db` into the URL without the password and the password. */
export function splitPassword(url: string): { url: string; password: string | null } {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new TeamUrlError(`"${url}" is not a database URL (postgres://user:password@host:port/database)`);
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new TeamUrlError(`"${parsed.protocol}" is not a PostgreSQL URL; it starts with postgres://`);
  }
  const password = parsed.password ? decodeURIComponent(parsed.password) : null;
  parsed.password = '';
  return { url: parsed.toString(), password };
}

export class TeamUrlError extends Error {}

/**
 * The migrations beside this module: main/core/team/migrations in the source, and beside the bundle in the
 * Electron app (scripts/build-electron.mjs copies the folder to dist/electron/migrations; the bundle's
 * import.meta.url is its own file).
 */
export const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

/** Creates or migrates the team schema. Idempotent: an up-to-date database is left as it is. Returns the migrations run. */
export async function migrateTeamDatabase(adminUrl: string): Promise<string[]> {
  splitPassword(adminUrl);
  return withClient(connectionConfig(adminUrl), async (client) => {
    const ran = await runner({
      dbClient: client,
      dir: MIGRATIONS_DIR,
      migrationsTable: 'dialdesk_migrations',
      direction: 'up',
      log: () => undefined,
      // One transaction for all, and node-pg-migrate's advisory lock: two inits at once run it once.
      singleTransaction: true,
    });
    return ran.map((m) => m.name);
  });
}

/** A role name from a rep's name: dialdesk_ + lower-case letters, digits and _. */
export function roleNameOf(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 40);
  if (!slug) throw new TeamUrlError(`"${name}" has no letters or digits to name a database role with`);
  return `dialdesk_${slug}`;
}

export interface NewRep {
  role: string;
  password: string;
  /** The URL to hand the rep (with the password: shown once, never stored by Dialdesk). */
  url: string;
}

/** Creates (or re-keys) a rep's login role in the team; a manager reads everything. */
export async function addRep(adminUrl: string, name: string, manager = false): Promise<NewRep> {
  const role = roleNameOf(name);
  const password = randomBytes(18).toString('base64url');
  await withClient(connectionConfig(adminUrl), (client) => client.query('SELECT dialdesk.add_rep($1, $2, $3, $4)', [role, name.trim(), password, manager]));
  const url = new URL(adminUrl);
  url.username = role;
  url.password = password;
  return { role, password, url: url.toString() };
}
