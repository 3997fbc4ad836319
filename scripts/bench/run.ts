/**
 * npm run bench [-- --scale 0.1] [--skip-build] [--seconds 15] [--engine pglite|postgres] [--only cluster]
 *
 * On a fresh database per engine (PGlite; and PostgreSQL when DATABASE_URL is set: a throw-away database next
 * to it), generates the city (generate.ts), measures the floor, starts the production build and measures the
 * dashboard API, the overview page, a submit, exports, verify and import — on PostgreSQL then the overview page
 * through nginx with one instance and with two (measure-cluster.ts); prints one table with each goal and
 * writes scripts/bench/results.json (scripts/bench/out/results.json for a scaled run). See scripts/bench/README.md.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '@/db/client';
import { currentPeriod } from '@/lib/domain/period';
import { prepareDatabase, type TestAccount } from '@/scripts/lib/test-server';
import { startApp, signIn, type RunningApp } from '@/scripts/lib/test-app';
import { parseOptions } from '../lib/args';
import { generateCity, IMPORT_DEPARTMENT, listOpenSlots, pickSubjects, type City } from './generate';
import { httpGet } from './measure-api';
import { measureCluster } from './measure-cluster';
import { sampleProcessGroup } from './measure-memory';
import { auditExportDays, measureEngine, type Floor } from './measure-engine';
import { createRecorder, formatTable, type EngineName, type ResultRow } from './results-table';

const PASSWORD = 'Bench-Pass#2026-zs';
const SUBMIT_DEPARTMENTS = ['gxj', 'kjj', 'swj', 'zjj', 'wlj', 'jtj', 'nyncj', 'jyj', 'wjw', 'rsj'];
const PORTS: Record<EngineName, number> = { pglite: 3411, postgres: 3412 };
const ACCOUNTS: TestAccount[] = [
  { username: 'bench-leader', role: 'leader', displayName: '基准测试领导' },
  { username: 'bench-auditor', role: 'auditor', displayName: '基准测试审计员' },
  { username: 'bench-import', role: 'official', displayName: '基准测试导入员', departmentCode: IMPORT_DEPARTMENT },
  ...SUBMIT_DEPARTMENTS.map((code) => ({
    username: `bench-tb-${code}`,
    role: 'official' as const,
    displayName: `基准测试填报员 ${code}`,
    departmentCode: code,
  })),
];
const SOURCES = [
  'app',
  'components',
  'lib',
  'db',
  'proxy.ts',
  'instrumentation.ts',
  'next.config.mjs',
  'package.json',
  'postcss.config.mjs',
  'tsconfig.json',
];

const started = performance.now();
/** A line of progress, stamped with the minutes and seconds since the run started (where the run's time goes). */
const log = (line: string) => {
  const seconds = Math.round((performance.now() - started) / 1000);
  const stamp = `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
  console.log(`[bench ${stamp}] ${line}`);
};

function newestSourceMs(entry: string): number {
  const stat = fs.statSync(entry, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...fs.readdirSync(entry).map((name) => newestSourceMs(path.join(entry, name))));
}

const isBuildRunning = () => spawnSync('pgrep', ['-f', 'next build']).status === 0;

/** Builds when .next/BUILD_ID is missing or older than the sources — never while another build runs. */
async function ensureBuild(skip: boolean): Promise<void> {
  while (isBuildRunning()) {
    log('another `next build` is running: waiting for it to finish');
    await new Promise((r) => setTimeout(r, 10_000));
  }
  const built = fs.statSync('.next/BUILD_ID', { throwIfNoEntry: false })?.mtimeMs ?? 0;
  if (skip) {
    if (!built) throw new Error('--skip-build, but there is no build (.next/BUILD_ID): run `npm run build` first');
    return;
  }
  if (built && built >= Math.max(...SOURCES.map(newestSourceMs))) return log('the production build is current');
  log('building (npm run build)…');
  execFileSync('npm', ['run', 'build'], { stdio: 'inherit' });
}

/** The floor, in a fresh process (PGlite's folder is free while the server is down). */
function runFloor(args: Record<string, unknown>): Promise<Floor> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/bench/measure-floor.ts', JSON.stringify(args)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => {
      const line = out.trim().split('\n').at(-1) ?? '';
      if (code === 0) resolve(JSON.parse(line));
      else reject(new Error(`floor measurement exited with ${code}`));
    });
  });
}

/** The offline release's size in MB when `npm run release` made one (the same in each engine's column). */
function releaseArchiveMb(): number | null {
  const { version } = JSON.parse(fs.readFileSync('package.json', 'utf8')) as { version: string };
  const archive = path.join('release', `zhuashou-${version}-linux-x64.tar.gz`);
  return fs.existsSync(archive) ? fs.statSync(archive).size / 1024 / 1024 : null;
}

/** The memory goals' numbers for the server after start (the resident set only grows from here). */
const AFTER_START_MB: Record<EngineName, number> = { pglite: 300, postgres: 250 };

/**
 * The server as a city starts it: the report loaded (with the sample year), started, one leader signed in and
 * the overview read once — then, once it has settled, the resident set of its process group.
 */
async function measureAfterStart(
  engine: EngineName,
  env: Record<string, string>,
  record: ReturnType<typeof createRecorder>,
): Promise<void> {
  log(`${engine}: the server after start, on the report`);
  const app = await startApp(engine === 'pglite' ? { ...env, DATABASE_URL: '' } : env, PORTS[engine]);
  try {
    const pid = app.proc.pid;
    if (pid === undefined) throw new Error('the server has no process id');
    const cookie = await signIn(app.url, 'bench-leader', PASSWORD);
    if (!(await httpGet(`${app.url}/`, cookie)())) throw new Error('the overview page did not answer 200');
    await new Promise((r) => setTimeout(r, 3000));
    const memory = sampleProcessGroup(pid);
    record('server memory after start (report loaded, overview read once)', memory.currentMB(), 'MB', {
      op: '≤',
      limit: AFTER_START_MB[engine],
    });
    memory.stop();
  } finally {
    await app.stop();
  }
}

async function benchEngine(
  engine: EngineName,
  options: { scale: number; seconds: number; clusterOnly: boolean },
  rows: ResultRow[],
): Promise<void> {
  const record = createRecorder(engine, rows);
  const testUrl = engine === 'postgres' ? process.env.DATABASE_URL : undefined;
  const pgliteDir = path.join(os.tmpdir(), 'zs-bench-pglite');
  const now = new Date();
  log(`${engine}: preparing a fresh database`);
  const prepared = await prepareDatabase({
    prefix: 'benchrun',
    pgliteDir,
    testUrl,
    accounts: ACCOUNTS,
    password: PASSWORD,
    now,
  });
  let app: RunningApp | undefined;
  try {
    if (!options.clusterOnly) await measureAfterStart(engine, prepared.env, record);

    // The city is loaded as the owner: it drops and recreates the audit log's indexes, which the app's login may not.
    const handle = await openDatabase({
      url: prepared.env.DATABASE_OWNER_URL ?? prepared.env.DATABASE_URL,
      dir: prepared.env.PGLITE_DIR,
    });
    let city: City;
    let subjects: Awaited<ReturnType<typeof pickSubjects>>;
    let slots: Map<string, string[]>;
    try {
      log(`${engine}: generating the city (scale ${options.scale})`);
      city = await generateCity(handle.db, { scale: options.scale, now, log });
      subjects = await pickSubjects(handle.db);
      slots = await listOpenSlots(handle.db, SUBMIT_DEPARTMENTS, currentPeriod(now));
    } finally {
      await handle.close();
    }
    record('city: indicators', city.indicators, '');
    record('city: departments', city.departments, '');
    record('city: figures (monthly actuals)', city.figures, '');
    record('city: targets (+ monthly phases)', city.targets + city.phases, '');
    record('city: audit events', city.auditEvents, '');
    record('city: generation time', city.seconds, 's');
    const archiveMb = releaseArchiveMb();
    if (archiveMb !== null) record('release archive (tar.gz)', archiveMb, 'MB');

    if (!options.clusterOnly) {
      log(`${engine}: the floor (${subjects.areaSlug}, ${subjects.indicatorCode})`);
      const floor = await runFloor({
        url: prepared.env.DATABASE_URL,
        dir: prepared.env.PGLITE_DIR,
        areaSlug: subjects.areaSlug,
        indicatorCode: subjects.indicatorCode,
        connections: 32,
        seconds: options.seconds,
        ...auditExportDays(Date.now()),
      });

      log(`${engine}: starting the production build on port ${PORTS[engine]}`);
      // The PGlite server must not inherit the DATABASE_URL that selects the PostgreSQL run.
      app = await startApp(engine === 'pglite' ? { ...prepared.env, DATABASE_URL: '' } : prepared.env, PORTS[engine]);
      const cookies = new Map<string, string>();
      try {
        for (const account of ACCOUNTS)
          cookies.set(account.username, await signIn(app.url, account.username, PASSWORD));
        await measureEngine({
          app,
          engine,
          city,
          subjects,
          slots,
          cookies,
          floor,
          seconds: options.seconds,
          record,
          log,
        });
      } catch (error) {
        console.error(`[bench] ${engine}: the server said:\n${app.output().slice(-4000)}`);
        throw error;
      }
      await app.stop();
      app = undefined;
    }

    // Several instances share one database only on PostgreSQL (PGlite's folder belongs to one process).
    if (engine === 'postgres') {
      const year = city.years.at(-1) ?? now.getFullYear();
      await measureCluster({
        env: prepared.env,
        leader: { username: 'bench-leader', password: PASSWORD },
        year,
        seconds: Math.min(10, options.seconds),
        record,
        log,
      });
    }
  } finally {
    await app?.stop();
    await prepared.drop();
    if (!testUrl)
      for (const p of [pgliteDir, `${pgliteDir}.lock`, `${pgliteDir}.secret`])
        fs.rmSync(p, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2), {
    scale: 'string',
    'skip-build': 'boolean',
    seconds: 'string',
    engine: 'string',
    only: 'string',
  });
  const scale = Number(options.scale ?? 1);
  const seconds = Number(options.seconds ?? 15);
  if (!(scale > 0 && scale <= 1) || !(seconds > 0))
    throw new Error('--scale is a number in (0, 1], --seconds a positive number');
  if (options.only !== undefined && options.only !== 'cluster')
    throw new Error('--only takes one value: cluster (the overview page through nginx, PostgreSQL)');
  const clusterOnly = options.only === 'cluster';
  const started = performance.now();
  await ensureBuild(options['skip-build'] === true);
  const available: EngineName[] = process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
  const engines = available.filter(
    (e) => (options.engine === undefined || options.engine === e) && (!clusterOnly || e === 'postgres'),
  );
  if (!engines.length)
    throw new Error(`--engine ${String(options.engine)}: not available (PostgreSQL needs DATABASE_URL)`);
  const rows: ResultRow[] = [];
  for (const engine of engines) await benchEngine(engine, { scale, seconds, clusterOnly }, rows);
  const minutes = (performance.now() - started) / 60_000;
  for (const engine of engines)
    createRecorder(engine, rows)('bench: total run time', minutes, 'min', { op: '≤', limit: 15 });

  const commit = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).stdout.trim();
  console.log(
    `\nZhuashou benchmark — scale ${scale}, ${os.cpus().length} CPU, ${Math.round(os.totalmem() / 2 ** 30)} GB, node ${process.version}, ${new Date().toISOString()}, on ${commit || 'uncommitted'}\n`,
  );
  console.log(formatTable(rows));
  // The committed results are a full run of every available engine; anything less goes to the scratch folder.
  const out =
    scale === 1 && seconds === 15 && !clusterOnly && engines.length === available.length
      ? 'scripts/bench/results.json'
      : 'scripts/bench/out/results.json';
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, `${JSON.stringify(rows, null, 2)}\n`);
  console.log(`\nwritten: ${out}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
