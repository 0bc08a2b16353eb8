import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const script = join(import.meta.dirname, '..', '..', 'scripts', 'check-system.mjs');
const INSTALL = 'sudo apt-get install -y --no-install-recommends chromium kamailio kamailio-websocket-modules sip-tester baresip rtpengine-daemon sox espeak-ng asterisk-core-sounds-en-wav postgresql';

/** Everything the check looks for, as paths in a fake root. */
const EVERYTHING = [
  'usr/bin/chromium',
  'usr/sbin/kamailio',
  'usr/lib/x86_64-linux-gnu/kamailio/modules/websocket.so',
  'usr/bin/sipp',
  'usr/bin/baresip',
  'usr/bin/rtpengine',
  'usr/bin/sox',
  'usr/bin/espeak-ng',
  'usr/share/asterisk/sounds/en_US_f_Allison/vm-intro.wav',
  'usr/lib/postgresql/15/bin/initdb',
];

let root: string;
let bin: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'dialdesk-system-'));
  // The only PATH entry, so programs of the real machine are not found.
  bin = join(root, 'path-bin');
  mkdirSync(bin);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function place(paths: string[], mode = 0o755) {
  for (const path of paths) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), '#!/bin/sh\n');
    chmodSync(join(root, path), mode);
  }
}

function check(...args: string[]) {
  return run(args, { DIALDESK_NO_SYSTEM_INSTALL: '1' });
}

/** As `npm test` runs it: may it install (root or `sudo -n`), it installs what is missing by itself. */
function run(args: string[], extraEnv: Record<string, string> = {}) {
  const run = spawnSync(process.execPath, [script, ...args], {
    encoding: 'utf8',
    env: { PATH: bin, DIALDESK_SYSTEM_ROOT: root, HOME: root, ...extraEnv },
  });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

describe('check-system', () => {
  it('fails listing everything missing and the one install command', () => {
    const result = check();
    expect(result.code).toBe(1);
    for (const pkg of ['chromium', 'kamailio', 'kamailio-websocket-modules', 'sip-tester', 'baresip', 'rtpengine-daemon', 'sox', 'espeak-ng', 'asterisk-core-sounds-en-wav', 'postgresql']) {
      expect(result.err).toContain(`[Debian package ${pkg}]`);
    }
    expect(result.err).toContain(INSTALL);
    expect(result.err).toContain('npm run setup:system');
  });

  it('passes when everything is installed', () => {
    place(EVERYTHING);
    const result = check();
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(result.out).toContain('all 10 system requirements found');
  });

  it('names exactly what is missing', () => {
    place(EVERYTHING.filter((path) => !path.endsWith('websocket.so') && !path.endsWith('/sox')));
    const result = check();
    expect(result.code).toBe(1);
    const missing = result.err.split('\n').filter((line) => line.includes('missing:'));
    expect(missing).toHaveLength(2);
    expect(result.err).toContain('[Debian package kamailio-websocket-modules]');
    expect(result.err).toContain('[Debian package sox]');
  });

  it('finds programs on PATH and the non-multiarch module folder too', () => {
    place(EVERYTHING.filter((path) => path !== 'usr/bin/chromium' && !path.endsWith('websocket.so')));
    place(['path-bin/chromium', 'usr/lib/kamailio/modules/websocket.so']);
    expect(check().code).toBe(0);
  });

  it('does not count a file that is not executable', () => {
    place(EVERYTHING.filter((path) => path !== 'usr/bin/sox'));
    place(['usr/bin/sox'], 0o644);
    const result = check();
    expect(result.code).toBe(1);
    expect(result.err).toContain('[Debian package sox]');
  });

  it('--install runs apt-get update and installs the missing packages, then checks again', () => {
    place(EVERYTHING.filter((path) => !path.endsWith('/sox') && !path.endsWith('/baresip')));
    const log = join(root, 'apt.log');
    // A fake apt-get that logs its arguments and "installs" by creating the programs; sudo just runs it.
    const aptGet = `#!/bin/sh\necho "$@" >> '${log}'\nif [ "$1" = install ]; then for p in sox baresip; do printf '#!/bin/sh\\n' > '${root}/usr/bin/'$p; /bin/chmod 755 '${root}/usr/bin/'$p; done; fi\n`;
    writeFileSync(join(bin, 'apt-get'), aptGet, { mode: 0o755 });
    writeFileSync(join(bin, 'sudo'), '#!/bin/sh\nexec "$@"\n', { mode: 0o755 });

    const result = check('--install');
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(readFileSync(log, 'utf8').trim().split('\n')).toEqual(['update', 'install -y --no-install-recommends baresip sox']);
  });

  it('installs what is missing by itself where it may (root or sudo -n), says which, and checks again', () => {
    place(EVERYTHING.filter((path) => !path.endsWith('/sox')));
    const log = join(root, 'apt.log');
    const aptGet = `#!/bin/sh\necho "$@" >> '${log}'\nif [ "$1" = install ]; then printf '#!/bin/sh\\n' > '${root}/usr/bin/sox'; /bin/chmod 755 '${root}/usr/bin/sox'; fi\n`;
    writeFileSync(join(bin, 'apt-get'), aptGet, { mode: 0o755 });
    // Not root: a sudo that runs without a password (-n succeeds).
    writeFileSync(join(bin, 'sudo'), '#!/bin/sh\nif [ "$1" = -n ]; then shift; fi\nexec "$@"\n', { mode: 0o755 });
    writeFileSync(join(bin, 'true'), '#!/bin/sh\nexit 0\n', { mode: 0o755 });
    const result = run([]);
    expect(result.code).toBe(0);
    expect(result.out).toContain('installing what the tests need and this machine lacks: sox');
    expect(result.out).toContain('all 10 system requirements found');
    expect(readFileSync(log, 'utf8').trim().split('\n')).toEqual(['update', 'install -y --no-install-recommends sox']);
  });

  it('--check never installs, and where it may not install it stops with the one command', () => {
    place(EVERYTHING.filter((path) => !path.endsWith('/sox')));
    writeFileSync(join(bin, 'apt-get'), '#!/bin/sh\nexit 1\n', { mode: 0o755 });
    for (const result of [run(['--check']), check()]) {
      expect(result.code).toBe(1);
      expect(result.out).not.toContain('installing');
      expect(result.err).toContain(INSTALL);
    }
  });

  it('--install still fails, loudly, when installing fails', () => {
    writeFileSync(join(bin, 'apt-get'), '#!/bin/sh\necho "E: Unable to locate package" >&2\nexit 100\n', { mode: 0o755 });
    writeFileSync(join(bin, 'sudo'), '#!/bin/sh\nexec "$@"\n', { mode: 0o755 });
    const result = check('--install');
    expect(result.code).toBe(1);
    expect(result.err).toContain('installing failed');
    expect(result.err).toContain(INSTALL);
  });
});
