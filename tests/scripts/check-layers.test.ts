import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const script = join(import.meta.dirname, '..', '..', 'scripts', 'check-layers.mjs');

let root: string;
afterEach(() => rmSync(root, { recursive: true, force: true }));

function tree(files: Record<string, string>): string {
  root = mkdtempSync(join(tmpdir(), 'dialdesk-layers-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

function check(dir: string) {
  const run = spawnSync(process.execPath, [script, '--root', dir], { encoding: 'utf8' });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

/** A tree that follows every rule. */
const CLEAN: Record<string, string> = {
  'shared/result.ts': 'export type Result = { ok: true };\n',
  'shared/contract/index.ts': "import { z } from 'zod';\nimport type { Result } from '../result.js';\nexport const s = z.string();\n",
  'main/core/store/store.ts': "import { readFile } from 'node:fs/promises';\nimport path from 'path';\nimport Conf from 'conf';\nimport { s } from '../../../shared/contract/index.js';\n",
  'main/electron/main.ts': "import { app } from 'electron';\nimport Store from 'electron-store';\nimport { createCore } from '../core/core.js';\nimport { s } from '../../shared/contract/index.js';\n",
  'renderer/app.tsx': "import { useState } from 'react';\nimport { createRoot } from 'react-dom/client';\nimport { s } from '../shared/contract/index.js';\nimport './app.css';\n",
  'tests/anything.test.ts': "import { app } from 'electron';\nimport fs from 'node:fs';\nimport '../main/electron/main.js';\nimport '../renderer/app.js';\n",
};

describe('check-layers', () => {
  it('passes a tree where every layer imports downward', () => {
    const result = check(tree(CLEAN));
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
  });

  it('fails on an upward import from shared/, naming file and line', () => {
    const result = check(
      tree({ ...CLEAN, 'shared/domain.ts': "// domain\nimport type { Store } from '../main/core/store/store.js';\nexport {};\n" }),
    );
    expect(result.code).toBe(1);
    expect(result.err).toContain("shared/domain.ts:2: imports '../main/core/store/store.js'");
  });

  it('names main/core/ itself: a file under main/ outside every layer (not the core, not a shell) is reported', () => {
    const result = check(tree({ ...CLEAN, 'main/stray.ts': "import { s } from '../shared/contract/index.js';\nexport { s };\n", 'main/tools/helper.ts': 'export const x = 1;\n' }));
    expect(result.code).toBe(1);
    expect(result.err).toContain('main/stray.ts:1:');
    expect(result.err).toContain('main/tools/helper.ts:1:');
    expect(result.err).toMatch(/is in no layer/);
  });

  it('keeps shared/ free of Node, electron and React', () => {
    const result = check(
      tree({
        ...CLEAN,
        'shared/a.ts': "import fs from 'node:fs';\nimport path from 'path';\nimport { app } from 'electron';\nimport React from 'react';\nimport { z } from 'zod';\n",
      }),
    );
    expect(result.code).toBe(1);
    for (const line of [1, 2, 3, 4]) expect(result.err).toContain(`shared/a.ts:${line}:`);
    expect(result.err).not.toContain('shared/a.ts:5:');
  });

  it('keeps electron, electron-store, the shell, the renderer and React out of main/core/', () => {
    const result = check(
      tree({
        ...CLEAN,
        'main/core/bad.ts': [
          "import { app } from 'electron';",
          "import type Store from 'electron-store';",
          "export { x } from '../electron/main.js';",
          "const r = await import('../../renderer/app.js');",
          "const React = require('react');",
          "import { readFile } from 'node:fs';",
        ].join('\n'),
      }),
    );
    expect(result.code).toBe(1);
    for (const line of [1, 2, 3, 4, 5]) expect(result.err).toContain(`main/core/bad.ts:${line}:`);
    expect(result.err).not.toContain('main/core/bad.ts:6:');
  });

  it('keeps Node built-ins, electron and main/ out of renderer/', () => {
    const result = check(
      tree({
        ...CLEAN,
        'renderer/leads/list.tsx': [
          "import { readFileSync } from 'fs';",
          "import { join } from 'node:path';",
          "import { spawn } from 'child_process';",
          "import { ipcRenderer } from 'electron';",
          "import { createDispatch } from '../../main/core/api/dispatch.js';",
          "import { useMemo } from 'react';",
        ].join('\n'),
      }),
    );
    expect(result.code).toBe(1);
    for (const line of [1, 2, 3, 4, 5]) expect(result.err).toContain(`renderer/leads/list.tsx:${line}:`);
    expect(result.err).not.toContain('renderer/leads/list.tsx:6:');
  });

  it('keeps the renderer out of main/electron/', () => {
    const result = check(tree({ ...CLEAN, 'main/electron/window.ts': "\n\nimport { App } from '../../renderer/app.js';\n" }));
    expect(result.code).toBe(1);
    expect(result.err).toContain("main/electron/window.ts:3: imports '../../renderer/app.js'");
  });

  it('reads imports with a parser: strings and comments that look like imports do not count', () => {
    const result = check(
      tree({
        ...CLEAN,
        'renderer/help.ts': "// import fs from 'fs';\nexport const text = \"import { app } from 'electron'\";\n/* require('child_process') */\n",
      }),
    );
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
  });

  it('lets a core folder import its own folder and the folders below it, and core.ts import any', () => {
    const result = check(
      tree({
        ...CLEAN,
        'main/core/timezones/zone-clock.ts': 'export const DAY_MS = 86_400_000;\n',
        'main/core/schedule/planner.ts': "import { DAY_MS } from '../timezones/zone-clock.js';\nimport type { s } from '../store/store.js';\nexport const plan = DAY_MS;\n",
        'main/core/schedule/service.ts': "import { plan } from './planner.js';\nexport const service = plan;\n",
        'main/core/core.ts': "import { service } from './schedule/service.js';\nimport '../../shared/result.js';\nexport const core = service;\n",
      }),
    );
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
  });

  it('refuses an import that runs back up the core order, naming both folders', () => {
    const result = check(
      tree({
        ...CLEAN,
        'main/core/schedule/planner.ts': 'export const plan = 1;\n',
        // store is below schedule: the store folding with the planner runs back up.
        'main/core/store/fold.ts': "// the fold\nimport { plan } from '../schedule/planner.js';\nexport const fold = plan;\n",
      }),
    );
    expect(result.code).toBe(1);
    expect(result.err).toContain("main/core/store/fold.ts:2: imports '../schedule/planner.js'");
    expect(result.err).toContain('main/core/store/ imports main/core/schedule/, which is above it');
    expect(result.err).not.toContain('import circle:');
  });

  it('refuses a core folder that has no place in the order, and a folder importing core.ts', () => {
    const result = check(
      tree({
        ...CLEAN,
        'main/core/core.ts': 'export const core = 1;\n',
        'main/core/gadgets/gadget.ts': 'export const gadget = 1;\n',
        'main/core/store/uses-core.ts': "import { core } from '../core.js';\nexport const x = core;\n",
      }),
    );
    expect(result.code).toBe(1);
    expect(result.err).toContain('main/core/gadgets/gadget.ts:1:');
    expect(result.err).toContain('add it to CORE_ORDER');
    expect(result.err).toContain("main/core/store/uses-core.ts:1: imports '../core.js'");
  });

  it('refuses an import circle, type-only imports included, in one folder, across shared/ and in the renderer', () => {
    const result = check(
      tree({
        ...CLEAN,
        'shared/domain.ts': "import type { Zones } from './schedule.js';\nexport type Lead = { zones: Zones };\n",
        'shared/schedule.ts': "import type { Lead } from './domain.js';\nexport type Zones = { lead: Lead };\n",
        'main/core/sip/a.ts': "import { b } from './b.js';\nexport const a = () => b;\n",
        'main/core/sip/b.ts': "import { c } from './c.js';\nexport const b = () => c;\n",
        'main/core/sip/c.ts': "\nimport type { a } from './a.js';\nexport const c = 1;\n",
        'renderer/self.ts': "import { x } from './self.js';\nexport const y = x;\nexport const x = 1;\n",
      }),
    );
    expect(result.code).toBe(1);
    expect(result.err).toContain('shared/domain.ts:1: imports \'./schedule.js\' — import circle: shared/domain.ts -> shared/schedule.ts -> shared/domain.ts');
    expect(result.err).toContain('import circle: main/core/sip/a.ts -> main/core/sip/b.ts -> main/core/sip/c.ts -> main/core/sip/a.ts');
    expect(result.err).toContain('import circle: renderer/self.ts -> renderer/self.ts');
  });

  it('keeps main/cli/ and main/web/ to the core and shared/, and the core out of both', () => {
    const result = check(
      tree({
        ...CLEAN,
        'main/cli/cli.ts': [
          "import { s } from '../../shared/contract/index.js';",
          "import { readFile } from 'node:fs/promises';",
          "import './plan-command.js';",
          "import { app } from 'electron';",
          "import Store from 'electron-store';",
          "import '../electron/main.js';",
          "import '../../renderer/app.js';",
          "import React from 'react';",
          "import '../web/server.js';",
        ].join('\n'),
        'main/cli/plan-command.ts': "import '../core/store/store.js';\n",
        'main/web/server.ts': "import '../core/store/store.js';\nimport '../electron/main.js';\nimport '../../renderer/app.js';\n",
        'main/core/store/shells.ts': "import '../../cli/cli.js';\nimport '../../web/server.js';\nimport '../../electron/main.js';\n",
      }),
    );
    expect(result.code).toBe(1);
    for (const line of [4, 5, 6, 7, 8, 9]) expect(result.err).toContain(`main/cli/cli.ts:${line}:`);
    for (const line of [1, 2, 3]) expect(result.err).not.toContain(`main/cli/cli.ts:${line}:`);
    expect(result.err).not.toContain('main/cli/plan-command.ts');
    for (const line of [2, 3]) expect(result.err).toContain(`main/web/server.ts:${line}:`);
    expect(result.err).not.toContain('main/web/server.ts:1:');
    for (const line of [1, 2, 3]) expect(result.err).toContain(`main/core/store/shells.ts:${line}:`);
  });

  it('lets main/launch/ start the web shell, never load electron, the Electron shell or the renderer', () => {
    const result = check(
      tree({
        ...CLEAN,
        'main/launch/start.ts': [
          "import '../web/web.js';",
          "import '../core/store/store.js';",
          "import { spawn } from 'node:child_process';",
          "import { app } from 'electron';",
          "import '../electron/main.js';",
          "import '../../renderer/app.js';",
          "import '../cli/cli.js';",
        ].join('\n'),
      }),
    );
    expect(result.code).toBe(1);
    for (const line of [1, 2, 3]) expect(result.err).not.toContain(`main/launch/start.ts:${line}:`);
    for (const line of [4, 5, 6, 7]) expect(result.err).toContain(`main/launch/start.ts:${line}:`);
  });

  it('keeps renderer features apart: each imports api/, media/, ui/ and itself; only app/ wires features', () => {
    const result = check(
      tree({
        ...CLEAN,
        'renderer/api/client.ts': "import { s } from '../../shared/contract/index.js';\n",
        'renderer/ui/field.tsx': "import '../api/client.js';\nimport '../calls/bar.js';\n",
        'renderer/calls/bar.tsx': 'export const bar = 1;\n',
        'renderer/media/engine.ts': "import '../api/client.js';\nimport '../ui/field.js';\n",
        'renderer/leads/list.tsx': "import '../api/client.js';\nimport '../ui/field.js';\nimport '../media/engine.js';\nimport './row.js';\nimport '../scripts/editor.js';\n",
        'renderer/reminders/banner.tsx': "import '../api/client.js';\nimport '../app/shell.js';\n",
        'renderer/leads/row.tsx': "import '../ui/field.js';\n",
        'renderer/scripts/editor.tsx': "import '../ui/field.js';\n",
        'renderer/app/shell.tsx': "import '../leads/list.js';\nimport '../scripts/editor.js';\n",
      }),
    );
    expect(result.code).toBe(1);
    expect(result.err).toContain('renderer/ui/field.tsx:2:');
    expect(result.err).toContain('renderer/media/engine.ts:2:');
    expect(result.err).toMatch(/renderer\/leads\/list\.tsx:5: .*the feature renderer\/scripts\//);
    expect(result.err).toMatch(/renderer\/reminders\/banner\.tsx:2: .*never the other way/);
    for (const ok of ['renderer/ui/field.tsx:1:', 'renderer/media/engine.ts:1:', 'renderer/app/shell.tsx', 'renderer/leads/row.tsx', 'renderer/scripts/editor.tsx']) {
      expect(result.err).not.toContain(ok);
    }
    for (const line of [1, 2, 3, 4]) expect(result.err).not.toContain(`renderer/leads/list.tsx:${line}:`);
    expect(result.err).not.toContain('renderer/reminders/banner.tsx:1:');
    expect(result.err).not.toContain('import circle');
  });
});
