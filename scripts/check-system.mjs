#!/usr/bin/env node
/**
 * Checks that the system programs the tests drive are installed: Chromium
 * (Playwright's browser), Kamailio with its WebSocket module, SIPp, baresip,
 * rtpengine, SoX and espeak-ng (the lab's SIP server, callers, media relay and
 * voice prompts), and Asterisk's recorded English prompts (real recorded
 * voicemail greetings for the beep detector's corpus; test material only).
 * What is missing is installed, where this process may (running as root, or
 * with a password-free `sudo -n`), and it says which; only where it may not
 * does it stop, with the one command that installs them all. Tests are never
 * skipped quietly.
 *
 * Usage:
 *   node scripts/check-system.mjs            check; install what is missing where it may, else exit 1 with the command
 *   node scripts/check-system.mjs --install  install what is missing (with sudo when not root), then check again
 *   node scripts/check-system.mjs --check    check only; exit 1 listing what is missing
 *
 * DIALDESK_NO_SYSTEM_INSTALL=1 never installs by itself (a machine whose packages someone else manages).
 *
 * DIALDESK_SYSTEM_ROOT (default /) prefixes the fixed locations searched, so
 * the check itself can be tested against a fake tree.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, readdirSync, statSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The Debian packages, in the order of the install command. */
export const PACKAGES = [
  'chromium',
  'kamailio',
  'kamailio-websocket-modules',
  'sip-tester',
  'baresip',
  'rtpengine-daemon',
  'sox',
  'espeak-ng',
  'asterisk-core-sounds-en-wav',
  'postgresql',
];

export const INSTALL_COMMAND = `sudo apt-get install -y --no-install-recommends ${PACKAGES.join(' ')}`;

/** One of the recorded prompts the voicemail corpus builds greetings from. */
const RECORDED_PROMPT = '/usr/share/asterisk/sounds/en_US_f_Allison/vm-intro.wav';

/** Where daemons live on Debian; a non-root PATH usually lacks the sbin folders. */
const SYSTEM_BIN_DIRS = ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin'];

/** Folders Debian's kamailio packages install modules into (multiarch first). */
const KAMAILIO_MODULE_PARENTS = ['/usr/lib', '/usr/lib64', '/usr/local/lib'];

function requirements(root) {
  const at = (path) => join(root, path);
  const onPath = (names) => () => findExecutable(names, root);
  return [
    {
      what: 'Chromium (browser for the Playwright tests)',
      pkg: 'chromium',
      find: () => (isExecutable(at('/usr/bin/chromium')) ? at('/usr/bin/chromium') : findExecutable(['chromium'], root)),
    },
    { what: 'Kamailio (SIP server for the lab tests)', pkg: 'kamailio', find: onPath(['kamailio']) },
    {
      what: "Kamailio's WebSocket module websocket.so (SIP over WebSocket)",
      pkg: 'kamailio-websocket-modules',
      find: () => findKamailioModule('websocket.so', root),
    },
    { what: 'SIPp (scripted SIP calls)', pkg: 'sip-tester', find: onPath(['sipp']) },
    { what: 'baresip (the far-end phone)', pkg: 'baresip', find: onPath(['baresip']) },
    { what: 'rtpengine (media relay)', pkg: 'rtpengine-daemon', find: onPath(['rtpengine']) },
    { what: 'SoX (audio files for calls)', pkg: 'sox', find: onPath(['sox']) },
    { what: 'espeak-ng (spoken prompts)', pkg: 'espeak-ng', find: onPath(['espeak-ng']) },
    {
      what: "Asterisk's recorded English prompts (real voicemail greetings for the beep detector's corpus)",
      pkg: 'asterisk-core-sounds-en-wav',
      find: () => (isFile(at(RECORDED_PROMPT)) ? at(RECORDED_PROMPT) : null),
    },
    { what: 'PostgreSQL server (team mode tests)', pkg: 'postgresql', find: () => findPostgresBin('initdb', root) },
  ];
}

/** The newest PostgreSQL server program `name` Debian installed (/usr/lib/postgresql/<major>/bin, not on PATH), or null. */
export function findPostgresBin(name, root = '/') {
  const base = join(root, '/usr/lib/postgresql');
  let majors = [];
  try {
    majors = readdirSync(base).filter((d) => /^\d+$/.test(d)).sort((a, b) => Number(b) - Number(a));
  } catch {
    return null;
  }
  for (const major of majors) {
    const path = join(base, major, 'bin', name);
    if (isExecutable(path)) return path;
  }
  return null;
}

/** @returns {{ found: {what: string, path: string}[], missing: {what: string, pkg: string}[] }} */
export function checkSystem(root = '/') {
  const found = [];
  const missing = [];
  for (const requirement of requirements(root)) {
    const path = requirement.find();
    if (path) found.push({ what: requirement.what, path });
    else missing.push({ what: requirement.what, pkg: requirement.pkg });
  }
  return { found, missing };
}

function findExecutable(names, root) {
  const dirs = [...(process.env.PATH ?? '').split(delimiter).filter(Boolean), ...SYSTEM_BIN_DIRS.map((dir) => join(root, dir))];
  for (const dir of dirs) {
    for (const name of names) {
      const candidate = join(dir, name);
      if (isExecutable(candidate)) return candidate;
    }
  }
  return null;
}

function findKamailioModule(file, root) {
  for (const parent of KAMAILIO_MODULE_PARENTS.map((dir) => join(root, dir))) {
    // /usr/lib/kamailio/modules and the multiarch /usr/lib/<triplet>/kamailio/modules
    const candidates = [join(parent, 'kamailio', 'modules', file)];
    for (const entry of safeReaddir(parent)) candidates.push(join(parent, entry, 'kamailio', 'modules', file));
    const hit = candidates.find(isFile);
    if (hit) return hit;
  }
  return null;
}

function safeReaddir(dir) {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

function isFile(path) {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function isExecutable(path) {
  if (!isFile(path)) return false;
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function report(missing) {
  console.error('check-system: the tests need system programs that are not installed:');
  for (const item of missing) console.error(`  missing: ${item.what}  [Debian package ${item.pkg}]`);
  console.error('');
  console.error('Install them all with (Debian 12):');
  console.error(`  ${INSTALL_COMMAND}`);
  console.error('or run: npm run setup:system');
}

function install(packages) {
  const asRoot = process.getuid?.() === 0;
  const run = (args) => {
    const [command, commandArgs] = asRoot ? [args[0], args.slice(1)] : ['sudo', args];
    console.log(`check-system: ${[command, ...commandArgs].join(' ')}`);
    const result = spawnSync(command, commandArgs, {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    if (result.error) throw new Error(`could not run ${command}: ${result.error.message}`);
    if (result.status !== 0) throw new Error(`${[command, ...commandArgs].join(' ')} exited with ${result.status ?? result.signal}`);
  };
  run(['apt-get', 'update']);
  run(['apt-get', 'install', '-y', '--no-install-recommends', ...packages]);
}

/** Whether this process may install packages without asking anyone: root, or sudo that needs no password. */
function mayInstall(env) {
  if (env.DIALDESK_NO_SYSTEM_INSTALL === '1') return false;
  if (process.getuid?.() === 0) return true;
  const sudo = spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' });
  return !sudo.error && sudo.status === 0;
}

export function main(argv, env = process.env) {
  const root = env.DIALDESK_SYSTEM_ROOT || '/';
  let { found, missing } = checkSystem(root);

  const wanted = argv.includes('--install') || (!argv.includes('--check') && missing.length > 0 && mayInstall(env));
  if (missing.length > 0 && wanted) {
    const packages = [...new Set(missing.map((item) => item.pkg))];
    console.log(`check-system: installing what the tests need and this machine lacks: ${packages.join(' ')}`);
    try {
      install(packages);
    } catch (error) {
      console.error(`check-system: installing failed: ${error instanceof Error ? error.message : String(error)}`);
      report(missing);
      return 1;
    }
    ({ found, missing } = checkSystem(root));
  }

  if (missing.length > 0) {
    report(missing);
    return 1;
  }
  console.log(`check-system: all ${found.length} system requirements found.`);
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exit(main(process.argv.slice(2)));
}
