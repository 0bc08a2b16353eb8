import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ELECTRON_READY_LINE, findElectronBinary, runElectron } from '../../../main/launch/electron-binary.js';
import { start, type StartSteps } from '../../../main/launch/start.js';

function recordingSteps(overrides: Partial<StartSteps>) {
  const log: string[] = [];
  const steps: StartSteps = {
    findElectron: () => ({ problem: 'Electron failed to install correctly: its binary was never downloaded' }),
    runScript: async (name) => {
      log.push(`npm run ${name}`);
      return 0;
    },
    runElectron: async (binary, args) => {
      log.push(`electron ${binary} ${args.join(' ')}`);
      return { exitCode: 0 };
    },
    serve: async (args) => void log.push(`serve ${args.join(' ')}`),
    say: (line) => void log.push(`say: ${line}`),
    ...overrides,
  };
  return { steps, log };
}

describe('npm start', () => {
  it('without an Electron binary: one line saying why, then the web shell with the same arguments', async () => {
    const { steps, log } = recordingSteps({});
    expect(await start(['--no-open'], steps)).toBeNull();
    expect(log).toEqual([
      'say: Electron cannot start here (Electron failed to install correctly: its binary was never downloaded): Dialdesk is starting in the browser instead.',
      'npm run build:renderer:web',
      'serve --no-open',
    ]);
  });

  it('with Electron: builds the app and runs it; its exit code is ours, and no web shell starts', async () => {
    const { steps, log } = recordingSteps({ findElectron: () => ({ binary: '/x/electron' }), runElectron: async () => ({ exitCode: 3 }) });
    expect(await start([], steps)).toBe(3);
    expect(log).toEqual(['npm run build']);
  });

  it('when Electron fails to launch: says why and falls back to the browser', async () => {
    const { steps, log } = recordingSteps({
      findElectron: () => ({ binary: '/x/electron' }),
      runElectron: async () => ({ failed: 'Electron did not start: libnss3.so: cannot open shared object file' }),
    });
    expect(await start(['--data-dir', '/d'], steps)).toBeNull();
    expect(log).toEqual([
      'npm run build',
      'say: Electron cannot start here (Electron did not start: libnss3.so: cannot open shared object file): Dialdesk is starting in the browser instead.',
      'npm run build:renderer:web',
      'serve --data-dir /d',
    ]);
  });

  it('stops with the build’s exit code when a build fails', async () => {
    const { steps, log } = recordingSteps({ runScript: async (name) => (log.push(name), 2) });
    expect(await start([], steps)).toBe(2);
    expect(log.at(-1)).toBe('build:renderer:web');
  });
});

describe('finding and running Electron', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'dialdesk-launch-'));
    writeFileSync(join(dir, 'package.json'), '{"name":"app"}');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const electronPackage = () => {
    const pkg = join(dir, 'node_modules', 'electron');
    mkdirSync(join(pkg, 'dist'), { recursive: true });
    writeFileSync(join(pkg, 'package.json'), '{"name":"electron","main":"index.js"}');
    // Requiring the package would try to download: the finder must never load it.
    writeFileSync(join(pkg, 'index.js'), 'throw new Error("required electron")');
    return pkg;
  };

  it('reports a missing package, a binary never downloaded, and a binary that is gone', () => {
    expect(findElectronBinary(dir, {})).toEqual({ problem: 'the electron package is not installed' });
    const pkg = electronPackage();
    expect(findElectronBinary(dir, {})).toEqual({ problem: 'Electron failed to install correctly: its binary was never downloaded' });
    writeFileSync(join(pkg, 'path.txt'), 'electron');
    expect(findElectronBinary(dir, {})).toEqual({ problem: `Electron failed to install correctly: its binary is missing (${join(pkg, 'dist', 'electron')})` });
    writeFileSync(join(pkg, 'dist', 'electron'), '');
    expect(findElectronBinary(dir, {})).toEqual({ binary: join(pkg, 'dist', 'electron') });
  });

  it('this checkout: Electron cannot start here, and finding that out prints nothing', () => {
    const found = findElectronBinary(process.cwd(), process.env);
    expect('problem' in found ? found.problem : 'binary').toMatch(/Electron failed to install correctly/);
  });

  const fakeBinary = (script: string) => {
    const file = join(dir, 'fake-electron.sh');
    writeFileSync(file, `#!/bin/sh\n${script}\n`);
    chmodSync(file, 0o755);
    return file;
  };

  it('an app that exits with an error before its window opened failed to launch, with its last error line as the reason', async () => {
    const binary = fakeBinary('echo "[1234:ERROR] something" >&2; echo "error while loading shared libraries: libnss3.so" >&2; exit 127');
    expect(await runElectron(binary, ['.'], dir)).toEqual({ failed: 'Electron did not start: error while loading shared libraries: libnss3.so' });
    expect(await runElectron(join(dir, 'missing'), ['.'], dir)).toEqual({ failed: expect.stringMatching(/^Electron could not be launched: .*ENOENT/) });
  });

  it('once the window opened, the app’s exit code is passed on, errors included', async () => {
    const binary = fakeBinary(`echo "${ELECTRON_READY_LINE}"; exit 4`);
    expect(await runElectron(binary, ['.'], dir)).toEqual({ exitCode: 4 });
  });
});
