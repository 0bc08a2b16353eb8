import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORE, CORE_ORDER } from '../../scripts/check-layers.mjs';

const readme = readFileSync(join(import.meta.dirname, '..', '..', 'README.md'), 'utf8');

describe("README's folder list", () => {
  it("lists main/core/'s folders in the layer check's order, every one and no other", () => {
    const lines = readme.split('\n');
    const start = lines.findIndex((line) => line.startsWith(CORE));
    expect(start).toBeGreaterThan(-1);
    const folders: string[] = [];
    for (const line of lines.slice(start + 1)) {
      if (/^\S/.test(line) || line.startsWith('  core.ts')) break;
      const folder = /^ {2}([a-z-]+)\/\s/.exec(line);
      if (folder) folders.push(folder[1]);
    }
    expect(folders).toEqual(CORE_ORDER);
  });
});
