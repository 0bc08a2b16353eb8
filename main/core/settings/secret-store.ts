/**
 * Secrets (the SIP password) live only in main. The app backs this with
 * Electron's safeStorage; the harness and tests with memory. Values never go
 * to the renderer and never into plain JSON settings.
 */
export interface SecretStore {
  get(key: string): string | null;
  set(key: string, value: string): void;
  delete(key: string): void;
  /** False when the OS offers no encryption; saving a secret is then refused. */
  readonly available: boolean;
}

