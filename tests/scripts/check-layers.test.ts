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
});
