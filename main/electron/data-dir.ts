/**
 * Where Dialdesk keeps its data: `--data-dir DIR` (or `--data-dir=DIR`) wins,
 * then `DIALDESK_DATA_DIR`, then Electron's userData folder. Tests and second
 * profiles use the overrides so they never touch the rep's real data.
 * Returns null when there is no override.
 */
export function dataDirOverride(argv: readonly string[], env: NodeJS.ProcessEnv): string | null {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--data-dir' && argv[i + 1]) return argv[i + 1];
    if (arg.startsWith('--data-dir=') && arg.length > '--data-dir='.length) return arg.slice('--data-dir='.length);
  }
  const fromEnv = env.DIALDESK_DATA_DIR?.trim();
  return fromEnv ? fromEnv : null;
}
