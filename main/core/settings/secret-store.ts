/**
 * Secrets (the SIP password) live only in main. The app backs this with
 * Electron's safeStorage, the web shell with the OS keyring (or memory for
 * the session when there is none), tests with memory. Values never go
 * to the renderer and never into plain JSON settings.
 */
export interface SecretStore {
  get(key: string): string | null;
  set(key: string, value: string): void;
  delete(key: string): void;
  /** False when the OS offers no encryption; saving a secret is then refused. */
  readonly available: boolean;
  /**
   * False when secrets live only as long as this process (the web shell with
   * no reachable keyring): the Phone screen says so. Absent means true.
   */
  readonly persistent?: boolean;
}

