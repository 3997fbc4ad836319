/**
 * npm run release [-- --skip-build] — the offline release an intranet server installs:
 *   release/zhuashou-<version>-linux-x64.tar.gz (+ .sha256), unpacking to zhuashou-<version>/ with
 *   server.js + .next/ + node_modules/   Next's standalone server and only the packages it traces
 *   db/migrations/                        applied at start and by `bin/zhuashou migrate`
 *   cli/*.mjs                             the operator commands, bundled by esbuild: they run with `node` alone
 *   bin/zhuashou                          the one entry point (POSIX sh)
 *   deploy/, INSTALL.md, zhuashou.env.example
 * No registry, no tsx, no dev dependency is needed where it is unpacked. --skip-build reuses a standalone build
 * already in .next/standalone.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { build, type Plugin } from 'esbuild';
import { removeStaticSources } from './strip-static-sources';

const ROOT = process.cwd();
const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
const NAME = `zhuashou-${version}`;
const OUT_DIR = path.join(ROOT, 'release');
const STAGE = path.join(OUT_DIR, NAME);
const ARCHIVE = path.join(OUT_DIR, `${NAME}-linux-x64.tar.gz`);
const STANDALONE = path.join(ROOT, '.next', 'standalone');

/** The operator commands: `bin/zhuashou <command>` runs cli/<file>.mjs. */
const CLI_COMMANDS = {
  migrate: 'db-migrate',
  'db-roles': 'db-roles',
  'user-add': 'user-add',
  'user-reset': 'user-reset',
  backup: 'db-backup',
  restore: 'db-restore',
  'audit-verify': 'audit-verify',
  'audit-checkpoint': 'audit-checkpoint',
} as const;

/** Packages the commands load from node_modules at run time (native code, WASM): never bundled. */
const RUNTIME_PACKAGES = ['@electric-sql/pglite', '@node-rs/argon2'];

function buildStandalone(): void {
  console.log('release: next build (output: standalone)');
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules/next/dist/bin/next'), 'build'], {
    stdio: 'inherit',
    env: { ...process.env, ZHUASHOU_STANDALONE: '1', NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' },
  });
  removeStaticSources(path.join(ROOT, '.next'));
}

function copy(from: string, to: string): void {
  // Symlinks stay links (Next links .next/node_modules/<pkg>-<hash> to node_modules/<pkg>): no second copy.
  fs.cpSync(from, to, { recursive: true, verbatimSymlinks: true, errorOnExist: false, force: true });
}

/** Drops what a server never reads: source maps, type declarations, packages' own tests, PGlite's optional extensions. */
function prune(dir: string): void {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    const inPackage = full.includes(`${path.sep}node_modules${path.sep}`);
    if (entry.isDirectory() && inPackage && ['test', 'tests', '__tests__'].includes(entry.name))
      fs.rmSync(full, { recursive: true });
    else if (entry.isDirectory()) prune(full);
    else if (inPackage && /\.(test|spec)\.[cm]?js$/.test(entry.name)) fs.rmSync(full);
    else if (/\.(map|d\.ts|d\.cts|d\.mts|md)$/.test(entry.name) && !/LICEN[CS]E/i.test(entry.name)) fs.rmSync(full);
    else if (
      full.includes(`${path.sep}@electric-sql${path.sep}pglite${path.sep}dist${path.sep}`) &&
      entry.name.endsWith('.tar.gz')
    )
      fs.rmSync(full);
  }
}

/**
 * The worker threads (lib/threads.ts): the audit walks' window thread (lib/services/audit/window-threads.ts) and the
 * thread reading PostgreSQL's COPY (db/copy.ts) are started from `new URL('./<thread>.ts', import.meta.url)`, which
 * Next's bundler follows and esbuild does not: each thread becomes a command entry of its own, cli/<thread>.mjs, and
 * its starter's URL is pointed at it from wherever the starter's code lands (an entry in cli/ or a shared chunk in
 * cli/chunks/). Fails the release if a starter's source no longer reads so.
 */
const THREADS = [
  { starter: /lib[\\/]services[\\/]audit[\\/]window-threads\.ts$/, thread: 'window-worker', dir: 'lib/services/audit' },
  { starter: /db[\\/]copy\.ts$/, thread: 'copy-worker', dir: 'db' },
] as const;
const threadsPlugin: Plugin = {
  name: 'zhuashou-threads',
  setup(plugin) {
    for (const { starter, thread } of THREADS)
      plugin.onLoad({ filter: starter }, (args) => {
        const source = fs.readFileSync(args.path, 'utf8');
        const url = `new URL('./${thread}.ts', import.meta.url)`;
        if (!source.includes(url)) throw new Error(`release: ${args.path} no longer starts its thread from ${url}`);
        const bundled = `new URL(import.meta.url.includes('/chunks/') ? '../${thread}.mjs' : './${thread}.mjs', import.meta.url)`;
        return { contents: source.replace(url, bundled), loader: 'ts' };
      });
  },
};

async function bundleCommands(): Promise<void> {
  const entryPoints = {
    ...Object.fromEntries(Object.values(CLI_COMMANDS).map((file) => [file, path.join(ROOT, 'scripts', `${file}.ts`)])),
    ...Object.fromEntries(THREADS.map(({ thread, dir }) => [thread, path.join(ROOT, dir, `${thread}.ts`)])),
  };
  await build({
    entryPoints,
    plugins: [threadsPlugin],
    outdir: path.join(STAGE, 'cli'),
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20.19',
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    tsconfig: path.join(ROOT, 'tsconfig.json'),
    external: RUNTIME_PACKAGES,
    // Bundled CommonJS packages call require() for Node's own modules.
    banner: {
      js: "import { createRequire as __zsCreateRequire } from 'node:module'; const require = __zsCreateRequire(import.meta.url);",
    },
    legalComments: 'none',
    minifySyntax: true,
    logLevel: 'warning',
  });
}

/** Ensures the packages the commands import are in the release's node_modules (the server's trace has them). */
function ensureRuntimePackages(): void {
  const wanted = [...RUNTIME_PACKAGES, '@node-rs/argon2-linux-x64-gnu'];
  for (const pkg of wanted) {
    const target = path.join(STAGE, 'node_modules', pkg);
    const source = path.join(ROOT, 'node_modules', pkg);
    if (!fs.existsSync(source)) throw new Error(`release: ${pkg} is not installed (npm ci first)`);
    // PGlite's WASM and data files are loaded by path at run time: copy the package whole, then prune.
    fs.rmSync(target, { recursive: true, force: true });
    copy(source, target);
  }
  const pglite = path.join(STAGE, 'node_modules/@electric-sql/pglite/dist');
  for (const file of ['pglite.wasm', 'pglite.data', 'initdb.wasm']) {
    if (!fs.existsSync(path.join(pglite, file))) throw new Error(`release: PGlite's ${file} is missing`);
  }
  const argon = fs
    .readdirSync(path.join(STAGE, 'node_modules/@node-rs/argon2-linux-x64-gnu'))
    .filter((f) => f.endsWith('.node'));
  if (argon.length === 0) throw new Error('release: the argon2 binary for linux-x64 is missing');
}

function sha256(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    fs.createReadStream(file)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}

async function main(): Promise<void> {
  const skipBuild = process.argv.includes('--skip-build');
  if (!skipBuild || !fs.existsSync(path.join(STANDALONE, 'server.js'))) buildStandalone();
  if (!fs.existsSync(path.join(STANDALONE, 'server.js')))
    throw new Error('release: the build made no .next/standalone/server.js');

  fs.rmSync(STAGE, { recursive: true, force: true });
  fs.mkdirSync(STAGE, { recursive: true });
  copy(STANDALONE, STAGE);
  copy(path.join(ROOT, '.next', 'static'), path.join(STAGE, '.next', 'static'));
  if (fs.existsSync(path.join(ROOT, 'public'))) copy(path.join(ROOT, 'public'), path.join(STAGE, 'public'));
  fs.rmSync(path.join(STAGE, 'db'), { recursive: true, force: true });
  copy(path.join(ROOT, 'db', 'migrations'), path.join(STAGE, 'db', 'migrations'));
  // Whatever the trace picked up of the working folder's data or secrets never ships.
  for (const stray of ['.data', '.env', '.env.local'])
    fs.rmSync(path.join(STAGE, stray), { recursive: true, force: true });
  ensureRuntimePackages();
  prune(STAGE);
  await bundleCommands();

  fs.mkdirSync(path.join(STAGE, 'bin'), { recursive: true });
  fs.copyFileSync(path.join(ROOT, 'scripts', 'release', 'zhuashou.sh'), path.join(STAGE, 'bin', 'zhuashou'));
  fs.chmodSync(path.join(STAGE, 'bin', 'zhuashou'), 0o755);
  copy(path.join(ROOT, 'deploy'), path.join(STAGE, 'deploy'));
  fs.copyFileSync(path.join(ROOT, 'INSTALL.md'), path.join(STAGE, 'INSTALL.md'));
  fs.copyFileSync(path.join(ROOT, '.env.example'), path.join(STAGE, 'zhuashou.env.example'));
  fs.writeFileSync(path.join(STAGE, 'VERSION'), `${version}\n`);

  fs.rmSync(ARCHIVE, { force: true });
  // Owner root:root and fixed modes, so that what unpacks does not depend on who built it.
  execFileSync('tar', ['--owner=0', '--group=0', '--numeric-owner', '-czf', ARCHIVE, '-C', OUT_DIR, NAME], {
    stdio: 'inherit',
  });
  const digest = await sha256(ARCHIVE);
  fs.writeFileSync(`${ARCHIVE}.sha256`, `${digest}  ${path.basename(ARCHIVE)}\n`);
  fs.rmSync(STAGE, { recursive: true, force: true });
  const size = fs.statSync(ARCHIVE).size;
  console.log(`release: ${path.relative(ROOT, ARCHIVE)} (${(size / 1024 / 1024).toFixed(1)} MB) sha256 ${digest}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
