/**
 * Switches that open a debugger into a running app: Chromium's remote
 * debugging (DevTools protocol over a port or a pipe) and Node's inspector.
 * Whoever connects to either can read every lead and the SIP password and
 * drive the line. A packaged Dialdesk refuses to run with one (the inspector
 * fuses off the Node ones at build time; this catches them all, on any build
 * that lacks the fuses too).
 */
const DEBUG_SWITCHES = ['--remote-debugging-port', '--remote-debugging-pipe', '--remote-debugging-address', '--inspect', '--inspect-brk', '--inspect-port', '--inspect-wait', '--debug', '--debug-brk'];

/** The first debugging switch in `argv` (with or without `=value`), or null. */
export function debugSwitchIn(argv: readonly string[]): string | null {
  for (const arg of argv) {
    if (arg === '--') break;
    const name = arg.split('=')[0]!;
    if (DEBUG_SWITCHES.includes(name)) return name;
  }
  return null;
}
