#!/usr/bin/env node
/**
 * Checks that each runtime layer imports only what it may (STYLE.md: one
 * folder per runtime, imports only downward):
 *
 *   shared/         only shared/ and zod: plain TypeScript that runs anywhere
 *   main/core/      Node, but never electron, electron-store, main/electron/, main/cli/, main/web/, renderer/ or React
 *   main/cli/       a front door onto the core: main/core/, shared/, itself and Node; never electron, electron-store,
 *                   main/electron/, main/web/, renderer/ or React
 *   main/web/       the web shell, same rules as main/cli/
 *   main/electron/  the shell: anything but renderer/ and React
 *   renderer/       the browser: no Node built-ins, no electron, nothing from main/; inside it,
 *                   api/ < media/, ui/ < each feature < app/ < main.tsx, and no feature imports
 *                   another (rendererCrossImport below)
 *
 * main/core/'s folders have an order, lowest first, listed once: CORE_ORDER below
 * (README.md's folder list describes each, and a test keeps the two equal). A
 * file may import its own folder and any folder below it, never one above. What
 * two folders both need lives below both. main/core/core.ts sits on top of all.
 * A new folder under main/core/ must be placed in CORE_ORDER, or the check fails;
 * a file under main/ outside every layer's folder is reported too.
 *
 * And no import circles anywhere in main/, renderer/ and shared/: the check
 * builds the file-level import graph (type-only imports included) and fails
 * on every strongly connected set of files.
 *
 * tests/ and scripts/ are exempt. Imports are read with TypeScript's own
 * pre-processor (static and dynamic imports, re-exports, require,
 * /// <reference types>), type-only imports included: a type from electron in
 * the core is still the core depending on electron.
 *
 * Usage: node scripts/check-layers.mjs [--root DIR]
 * Exit 0 when clean; exit 1 listing `file:line` for each bad import and each circle.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, posix, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const SOURCE_EXTENSIONS = /\.(?:ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;
const SKIPPED_DIRECTORIES = new Set(['node_modules', 'dist', 'release', '.git']);
const NODE_BUILTINS = new Set(builtinModules.filter((name) => !name.startsWith('_')));

const REACT = ['react', 'react-dom'];

/** The core's folder: everything that decides or stores, in plain Node. */
export const CORE = 'main/core/';

/**
 * main/core/'s folders, lowest first: a folder may import itself and the folders
 * before it. What each holds is in README.md's folder list.
 */
export const CORE_ORDER = [
  'api',
  'notify',
  'text',
  'timezones',
  'compliance',
  'settings',
  'rotation',
  'store',
  'scripts',
  'schedule',
  'leads',
  'sip',
  'voicemail-audio',
  'stats',
  'returns',
  'team',
  'practice',
  'calling',
  'dial-block',
  'simulation',
];

const SHELL_WHY = (shell) =>
  `${shell} is a front door onto the core: it may import main/core/, shared/ and Node, never electron, electron-store, another shell, renderer/ or React`;

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
    // `npm start`: chooses a shell (spawns Electron's binary, else runs the web shell); never loads electron itself.
    name: 'main/launch',
    prefix: 'main/launch/',
    allowsPackage: (pkg) => !['electron', 'electron-store', ...REACT].includes(pkg),
    allowsNodeBuiltins: true,
    allowsPath: (target) => ['main/launch/', 'main/web/', CORE, 'shared/'].some((allowed) => target.startsWith(allowed)),
    why: 'main/launch/ starts a shell: it may import main/web/, main/core/, shared/ and Node, never electron, main/electron/, renderer/ or React',
  },
  ...['main/cli/', 'main/web/'].map((prefix) => ({
    name: prefix.slice(0, -1),
    prefix,
    allowsPackage: (pkg) => !['electron', 'electron-store', ...REACT].includes(pkg),
    allowsNodeBuiltins: true,
    allowsPath: (target) => target.startsWith(prefix) || target.startsWith(CORE) || target.startsWith('shared/'),
    why: SHELL_WHY(prefix),
  })),
  {
    name: 'main/core',
    prefix: CORE,
    allowsPackage: (pkg) => !['electron', 'electron-store', ...REACT].includes(pkg),
    allowsNodeBuiltins: true,
    allowsPath: (target) =>
      !['main/electron/', 'main/cli/', 'main/web/', 'renderer/'].some((shell) => target.startsWith(shell)) && !isExempt(target),
    why: 'the core runs in plain Node: no electron, electron-store, main/electron/, main/cli/, main/web/, renderer/ or React',
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
  /** file -> the repository files it imports, for the circle check */
  const graph = new Map();
  for (const layer of LAYERS) {
    const base = join(root, ...layer.prefix.split('/').filter(Boolean));
    for (const file of sourceFiles(base)) {
      const path = toPosix(relative(root, file));
      // A file is checked by the layer that owns it (the most specific prefix).
      if (layerOf(path) !== layer) continue;
      const text = readFileSync(file, 'utf8');
      const edges = [];
      graph.set(path, edges);
      const folder = coreFolderOf(path);
      if (folder !== null && folder !== '' && !CORE_ORDER.includes(folder)) {
        problems.push({
          file: path,
          line: 1,
          specifier: `main/core/${folder}/`,
          why: `main/core/${folder}/ has no place in the core's order: add it to CORE_ORDER in scripts/check-layers.mjs`,
        });
      }
      for (const { specifier, position } of importsOf(text)) {
        const line = lineAt(text, position);
        if (!allowed(layer, path, specifier)) {
          problems.push({ file: path, line, specifier, why: layer.why });
          continue;
        }
        if (!specifier.startsWith('.')) continue;
        const target = posix.normalize(posix.join(posix.dirname(path), specifier));
        const upward = upwardImport(path, target) ?? rendererCrossImport(path, target);
        if (upward) problems.push({ file: path, line, specifier, why: upward });
        const resolved = resolveFile(root, target);
        if (resolved !== null) edges.push({ target: resolved, line, specifier });
      }
    }
  }
  // Every file under main/ belongs to a layer: one beside the shells is neither core nor a shell.
  for (const file of sourceFiles(join(root, 'main'))) {
    const path = toPosix(relative(root, file));
    if (!layerOf(path)) {
      problems.push({ file: path, line: 1, specifier: path, why: `${path} is in no layer: put it under ${CORE} or one of the shells (main/electron/, main/cli/, main/web/, main/launch/)` });
    }
  }
  for (const circle of circlesOf(graph)) problems.push(circle);
  return problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}

/** The folder under main/core/ a file lives in; '' for main/core/ itself (core.ts); null outside the core. */
function coreFolderOf(path) {
  if (!path.startsWith(CORE)) return null;
  const rest = path.slice(CORE.length).split('/');
  return rest.length === 1 ? '' : rest[0];
}

/** Why an import from one core file to another runs back up the order, or null when it runs down. */
function upwardImport(path, target) {
  const from = coreFolderOf(path);
  const to = coreFolderOf(target);
  if (from === null || to === null || from === to) return null;
  if (from === '') return null; // core.ts sits on top of every folder
  if (to === '') return `main/core/${from}/ imports main/core/ itself: only the shells import core.ts`;
  const fromRank = CORE_ORDER.indexOf(from);
  const toRank = CORE_ORDER.indexOf(to);
  if (fromRank < 0 || toRank < 0 || toRank < fromRank) return null;
  return `main/core/${from}/ imports main/core/${to}/, which is above it in the core's order (${CORE_ORDER.join(' < ')}): move what both need below both`;
}

/**
 * The renderer's folders: api/ (the contract client) < media/ (call audio) and ui/ (pieces every
 * screen uses) < each feature < app/ (the shell and screen registry) < main.tsx. A feature imports
 * only api/, media/, ui/ and itself, never another feature: the app wires features together.
 */
const RENDERER_BASE = { api: [], media: ['api'], ui: ['api'], styles: [] };

function rendererFolderOf(path) {
  if (!path.startsWith('renderer/')) return null;
  const rest = path.slice('renderer/'.length).split('/');
  return rest.length === 1 ? '' : rest[0];
}

/** Why a renderer import crosses from one feature (or shared piece) into another, or null. */
function rendererCrossImport(path, target) {
  const from = rendererFolderOf(path);
  const to = rendererFolderOf(target);
  if (from === null || to === null || from === to || from === '' || from === 'app') return null;
  if (to === '') return `renderer/${from}/ imports the renderer's entry: only main.tsx mounts the app`;
  const allowedTargets = RENDERER_BASE[from] ?? ['api', 'media', 'ui', 'styles'];
  if (allowedTargets.includes(to)) return null;
  if (to === 'app') return `renderer/${from}/ imports renderer/app/: the shell imports features, never the other way`;
  return from in RENDERER_BASE
    ? `renderer/${from}/ is below the features and may import only ${allowedTargets.map((f) => `renderer/${f}/`).join(', ') || 'shared/'}`
    : `renderer/${from}/ imports the feature renderer/${to}/: features import only renderer/api/, media/, ui/ and themselves; the app wires features together`;
}

const RESOLVED_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];

/** The repository file an import names (TypeScript's `.js` specifiers name `.ts` files), or null. */
function resolveFile(root, target) {
  const stem = target.replace(/\.(?:js|jsx|mjs|cjs)$/, '');
  const candidates = [target, ...RESOLVED_EXTENSIONS.map((ext) => stem + ext), ...RESOLVED_EXTENSIONS.map((ext) => `${target}/index${ext}`)];
  for (const candidate of candidates) {
    const full = join(root, ...candidate.split('/'));
    if (existsSync(full) && statSync(full).isFile() && SOURCE_EXTENSIONS.test(candidate)) return candidate;
  }
  return null;
}

/**
 * Every import circle, one problem per circle (Tarjan's strongly connected
 * components): a set of files that reach each other, named with one path
 * round it so a reader sees where to cut.
 */
function circlesOf(graph) {
  const index = new Map();
  const low = new Map();
  const onStack = new Set();
  const stack = [];
  const components = [];
  let next = 0;
  const visit = (start) => {
    // Iterative, so a long chain of files cannot overflow the call stack.
    const work = [{ node: start, edge: 0 }];
    index.set(start, next);
    low.set(start, next++);
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const frame = work[work.length - 1];
      const edges = graph.get(frame.node) ?? [];
      if (frame.edge < edges.length) {
        const { target } = edges[frame.edge++];
        if (!graph.has(target)) continue;
        if (!index.has(target)) {
          index.set(target, next);
          low.set(target, next++);
          stack.push(target);
          onStack.add(target);
          work.push({ node: target, edge: 0 });
        } else if (onStack.has(target)) {
          low.set(frame.node, Math.min(low.get(frame.node), index.get(target)));
        }
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1].node;
        low.set(parent, Math.min(low.get(parent), low.get(frame.node)));
      }
      if (low.get(frame.node) === index.get(frame.node)) {
        const component = [];
        let member;
        do {
          member = stack.pop();
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        const selfLoop = (graph.get(frame.node) ?? []).some((edge) => edge.target === frame.node);
        if (component.length > 1 || selfLoop) components.push(component);
      }
    }
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);
  return components.map((component) => {
    const members = new Set(component);
    const first = [...component].sort()[0];
    const ring = ringThrough(graph, members, first);
    const edge = (graph.get(first) ?? []).find((candidate) => candidate.target === ring[1]);
    return {
      file: first,
      line: edge?.line ?? 1,
      specifier: edge?.specifier ?? ring[1],
      why:
        `import circle: ${ring.join(' -> ')}` +
        (component.length > ring.length - 1 ? `, among ${component.length} files that reach each other: ${[...component].sort().join(', ')}` : '') +
        ' (no file may reach itself; move what both sides need into a file below both)',
    };
  });
}

/** One shortest path from `first` back to itself inside a circle (breadth-first). */
function ringThrough(graph, members, first) {
  const previous = new Map();
  const queue = [first];
  while (queue.length > 0) {
    const node = queue.shift();
    for (const { target } of graph.get(node) ?? []) {
      if (!members.has(target)) continue;
      if (target === first) {
        const path = [first];
        for (let at = node; at !== first; at = previous.get(at)) path.splice(1, 0, at);
        return [...path, first];
      }
      if (!previous.has(target)) {
        previous.set(target, node);
        queue.push(target);
      }
    }
  }
  return [first, first];
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
    console.log('check-layers: every layer imports only what it may, downward, with no circles.');
    return 0;
  }
  console.error(`check-layers: ${problems.length} import(s) cross a layer boundary, run back up the core's order or close a circle:`);
  for (const problem of problems) {
    console.error(`  ${problem.file}:${problem.line}: imports '${problem.specifier}' — ${problem.why}`);
  }
  return 1;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exit(main(process.argv.slice(2)));
}
