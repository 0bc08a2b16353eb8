#!/usr/bin/env node
/**
 * Checks that each runtime layer imports only what it may (STYLE.md: one
 * folder per runtime, imports only downward):
 *
 *   shared/         only shared/ and zod: plain TypeScript that runs anywhere
 *   main/core/      Node, but never electron, electron-store, main/electron/, renderer/ or React
 *   main/electron/  the shell: anything but renderer/ and React
 *   renderer/       the browser: no Node built-ins, no electron, nothing from main/
 *
 * Every other folder under main/ follows the main/core/ rules. tests/ and
 * scripts/ are exempt. Imports are read with TypeScript's own pre-processor
 * (static and dynamic imports, re-exports, require, /// <reference types>),
 * type-only imports included: a type from electron in the core is still the
 * core depending on electron.
 *
 * Usage: node scripts/check-layers.mjs [--root DIR]
 * Exit 0 when clean; exit 1 listing `file:line` for each bad import.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, posix, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const SOURCE_EXTENSIONS = /\.(?:ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;
const SKIPPED_DIRECTORIES = new Set(['node_modules', 'dist', 'release', '.git']);
const NODE_BUILTINS = new Set(builtinModules.filter((name) => !name.startsWith('_')));

const REACT = ['react', 'react-dom'];

/** The layers, most specific prefix first. */
const LAYERS = [
  {
    name: 'shared',
    prefix: 'shared/',
    allowsPackage: (pkg) => pkg === 'zod',
    allowsNodeBuiltins: false,
    allowsPath: (target) => target.startsWith('shared/'),
    why: 'shared/ is plain TypeScript for both sides: it may import only shared/ and zod',
  },
  {
    name: 'main/electron',
    prefix: 'main/electron/',
    allowsPackage: (pkg) => !REACT.includes(pkg),
    allowsNodeBuiltins: true,
    allowsPath: (target) => !target.startsWith('renderer/') && !isExempt(target),
    why: 'the Electron shell must not import the renderer or React',
  },
  {
    name: 'main/core',
    prefix: 'main/',
    allowsPackage: (pkg) => !['electron', 'electron-store', ...REACT].includes(pkg),
    allowsNodeBuiltins: true,
    allowsPath: (target) => !target.startsWith('main/electron/') && !target.startsWith('renderer/') && !isExempt(target),
    why: 'the core runs in plain Node: no electron, electron-store, main/electron/, renderer/ or React',
  },
  {
    name: 'renderer',
    prefix: 'renderer/',
    allowsPackage: (pkg) => !['electron', 'electron-store'].includes(pkg),
    allowsNodeBuiltins: false,
    allowsPath: (target) => !target.startsWith('main/') && !isExempt(target),
    why: 'the renderer is a sandboxed web page: no Node built-ins, no electron, nothing from main/',
  },
];

function isExempt(target) {
  return target.startsWith('tests/') || target.startsWith('scripts/');
}

/** @returns {{ file: string, line: number, specifier: string, why: string }[]} */
export function checkLayers(root) {
  const problems = [];
  for (const layer of LAYERS) {
    const base = join(root, ...layer.prefix.split('/').filter(Boolean));
    for (const file of sourceFiles(base)) {
      const path = toPosix(relative(root, file));
      // main/electron/ files are found by both main layers' walks; the most specific layer owns each file.
      if (layerOf(path) !== layer) continue;
      const text = readFileSync(file, 'utf8');
      for (const { specifier, position } of importsOf(text)) {
        if (!allowed(layer, path, specifier)) {
          problems.push({ file: path, line: lineAt(text, position), specifier, why: layer.why });
        }
      }
    }
  }
  return problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}

function layerOf(path) {
  return LAYERS.find((layer) => path.startsWith(layer.prefix));
}

function allowed(layer, path, specifier) {
  // An absolute path ties the code to one machine; no layer may do that.
  if (specifier.startsWith('/')) return false;
  if (specifier.startsWith('.')) {
    const target = posix.normalize(posix.join(posix.dirname(path), specifier));
    if (target.startsWith('../')) return false; // outside the repository
    return layer.allowsPath(target);
  }
  if (specifier.startsWith('node:') || NODE_BUILTINS.has(packageName(specifier))) return layer.allowsNodeBuiltins;
  return layer.allowsPackage(packageName(specifier));
}

function packageName(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

function importsOf(text) {
  const info = ts.preProcessFile(text, true, true);
  const found = [];
  for (const imported of info.importedFiles) found.push({ specifier: imported.fileName, position: imported.pos });
  for (const reference of info.typeReferenceDirectives) found.push({ specifier: reference.fileName, position: reference.pos });
  return found;
}

function lineAt(text, position) {
  let line = 1;
  for (let i = 0; i < position && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

function* sourceFiles(directory) {
  let entries;
  try {
    entries = readdirSync(directory, { withFileTypes: true });
  } catch (error) {
    if (error.code === 'ENOENT') return;
    throw error;
  }
  for (const entry of entries) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRECTORIES.has(entry.name)) yield* sourceFiles(path);
    } else if (entry.isFile() && SOURCE_EXTENSIONS.test(entry.name)) {
      yield path;
    }
  }
}

function toPosix(path) {
  return path.split(sep).join('/');
}

function main(argv) {
  const rootFlag = argv.indexOf('--root');
  const root = rootFlag >= 0 && argv[rootFlag + 1] ? resolve(argv[rootFlag + 1]) : join(dirname(fileURLToPath(import.meta.url)), '..');
  const problems = checkLayers(root);
  if (problems.length === 0) {
    console.log('check-layers: every layer imports only what it may.');
    return 0;
  }
  console.error(`check-layers: ${problems.length} import(s) cross a layer boundary:`);
  for (const problem of problems) {
    console.error(`  ${problem.file}:${problem.line}: imports '${problem.specifier}' — ${problem.why}`);
  }
  return 1;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exit(main(process.argv.slice(2)));
}
