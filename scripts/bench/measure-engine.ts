/**
 * Everything measured against the running server of one engine, in an order that keeps the figures honest:
 * the reads first (API, page, Chromium) while the data is as generated, then the writes (submit, import)
 * and the bulk work (exports, verify), with the server's memory sampled throughout.
 */
import type { RunningApp } from '@/scripts/lib/test-app';
import { currentPeriod } from '@/lib/domain/period';
import type { City } from './generate';
import { httpGet, measureHttpLoad, measureSequential } from './measure-api';
import { measureOverviewPage } from './measure-chromium';
import { measureDownload, measureImport, measureSubmits, measureVerify } from './measure-files';
import { sampleProcessGroup } from './measure-memory';
import type { createRecorder, EngineName } from './results-table';

/** What measure-floor.ts prints: the SQL of each endpoint, and COPY of the audit export's rows. */
export type Floor = Record<
  string,
  {
    unloaded: { p50: number; p95: number };
    loaded: { rps: number; p50: number; p95: number; p99: number; errors: number };
  }
> & { auditCopy?: { seconds: number; bytes: number } };

export interface EngineContext {
  app: RunningApp;
  engine: EngineName;
  city: City;
  subjects: { areaSlug: string; indicatorCode: string; recordsAreaId: number };
  slots: Map<string, string[]>;
  /** Cookie header per bench account. */
  cookies: Map<string, string>;
  floor: Floor;
  seconds: number;
  record: ReturnType<typeof createRecorder>;
  log: (line: string) => void;
}

const SUBMITS = 200;
const SHANGHAI_MS = 8 * 3_600_000;
const shanghaiDay = (ms: number) => new Date(ms + SHANGHAI_MS).toISOString().slice(0, 10);

/** The audit export's range: the last 365 Beijing days (the floor copies the same rows). */
export const auditExportDays = (nowMs: number) => ({
  auditFrom: shanghaiDay(nowMs - 364 * 86_400_000),
  auditTo: shanghaiDay(nowMs),
});

/** Up to SUBMITS (department cookie, indicator) pairs, taking the departments in turn. */
function submitPlan(ctx: EngineContext) {
  const queues = [...ctx.slots].map(([code, codes]) => ({
    cookie: ctx.cookies.get(`bench-tb-${code}`) ?? '',
    codes: [...codes],
  }));
  const plan: { cookie: string; indicatorCode: string }[] = [];
  while (plan.length < SUBMITS && queues.some((q) => q.codes.length)) {
    for (const q of queues) {
      const indicatorCode = q.codes.shift();
      if (indicatorCode && plan.length < SUBMITS) plan.push({ cookie: q.cookie, indicatorCode });
    }
  }
  return plan;
}

export async function measureEngine(ctx: EngineContext): Promise<void> {
  const { app, record, log, seconds } = ctx;
  const pid = app.proc.pid;
  if (pid === undefined) throw new Error('the server has no process id');
  const memory = sampleProcessGroup(pid);
  const leader = ctx.cookies.get('bench-leader') ?? '';
  const auditor = ctx.cookies.get('bench-auditor') ?? '';
  try {
    const endpoints: Record<string, string> = {
      overview: '/api/overview',
      area: `/api/areas/${ctx.subjects.areaSlug}`,
      indicator: `/api/indicators/${ctx.subjects.indicatorCode}`,
    };
    for (const [name, route] of Object.entries(endpoints)) {
      log(`${ctx.engine}: API ${route}`);
      memory.mark(`api ${name}`);
      const unloaded = await measureSequential(httpGet(`${app.url}${route}`, leader));
      if (unloaded.failures) throw new Error(`${route}: ${unloaded.failures} requests failed`);
      const loaded = await measureHttpLoad(`${app.url}${route}`, leader, 32, seconds);
      if (loaded.errors)
        log(`${ctx.engine}: ${route} under load: ${JSON.stringify(loaded.errorKinds)}\n${app.output().slice(-2000)}`);
      const floor = ctx.floor[name];
      const label = `API ${name} (${route.replace(/^\/api\//, '')})`;
      record(`${label}: p50 unloaded`, unloaded.p50, 'ms');
      record(`${label}: p95 unloaded`, unloaded.p95, 'ms', { op: '≤', limit: 20 });
      record(`${label}: req/s at 32 connections`, loaded.rps, 'req/s');
      record(`${label}: p50 / p95 / p99 at 32 — p50`, loaded.p50, 'ms');
      record(`${label}: p50 / p95 / p99 at 32 — p95`, loaded.p95, 'ms');
      record(`${label}: p50 / p95 / p99 at 32 — p99`, loaded.p99, 'ms');
      record(`${label}: errors under load`, loaded.errors, '', { op: '=', limit: 0 });
      if (floor) {
        record(`${label}: floor p50 / p95 unloaded — p50`, floor.unloaded.p50, 'ms');
        record(`${label}: floor p50 / p95 unloaded — p95`, floor.unloaded.p95, 'ms');
        record(`${label}: floor req/s at 32`, floor.loaded.rps, 'req/s');
        record(`${label}: floor p50 / p95 / p99 at 32 — p50`, floor.loaded.p50, 'ms');
        record(`${label}: floor p50 / p95 / p99 at 32 — p95`, floor.loaded.p95, 'ms');
        record(`${label}: floor p50 / p95 / p99 at 32 — p99`, floor.loaded.p99, 'ms');
        record(`${label}: latency API ÷ floor (p50 at 32)`, loaded.p50 / floor.loaded.p50, '×');
        record(`${label}: throughput API ÷ floor`, (100 * loaded.rps) / floor.loaded.rps, '%', { op: '≥', limit: 60 });
      }
    }

    // A period the read model has not computed yet (as after a write, or a leader opening an older month):
    // the aggregate SQL and 2,000 snapshots. Distinct periods of the generated years, each asked once.
    log(`${ctx.engine}: API /api/overview, first read of a period`);
    const periods = ctx.city.years
      .slice(0, -1)
      .flatMap((year) => [3, 6, 9, 12].map((month) => ({ year, month })))
      .slice(0, 24);
    let next = 0;
    const cold = await measureSequential(
      async () => {
        const p = periods[next++ % periods.length];
        return httpGet(`${app.url}/api/overview?year=${p?.year}&month=${p?.month}`, leader)();
      },
      periods.length,
      0,
    );
    record('API overview: first read of a period (read model computed): p50', cold.p50, 'ms');
    record('API overview: first read of a period (read model computed): p95', cold.p95, 'ms');

    const html = await fetch(`${app.url}/`, { headers: { cookie: leader } });
    const htmlBytes = (await html.arrayBuffer()).byteLength;
    record('overview page: HTML (uncompressed)', htmlBytes / 1024, 'KB', { op: '≤', limit: 70 });

    log(`${ctx.engine}: overview page under load`);
    memory.mark('page load');
    const page = await measureHttpLoad(`${app.url}/`, leader, 8, seconds);
    if (page.errors)
      log(`${ctx.engine}: / under load: ${JSON.stringify(page.errorKinds)}\n${app.output().slice(-2000)}`);
    record('overview page (SSR): req/s at 8 connections', page.rps, 'req/s', { op: '≥', limit: 200 });
    record('overview page (SSR): p50 at 8', page.p50, 'ms');
    record('overview page (SSR): p99 at 8', page.p99, 'ms');
    record('overview page (SSR): errors under load', page.errors, '', { op: '=', limit: 0 });
    // What Next costs for any signed-in page on this machine (session check, layout, render), for scale: the
    // smallest one, an 11 KB form.
    const small = await measureHttpLoad(`${app.url}/account/password`, leader, 8, seconds);
    record('smallest signed-in page (/account/password, SSR): req/s at 8', small.rps, 'req/s');

    log(`${ctx.engine}: overview page in Chromium`);
    memory.mark('chromium');
    const browser = await measureOverviewPage(app.url, leader);
    record('overview in Chromium: time to first byte', browser.ttfbMs, 'ms');
    record('overview in Chromium: LCP', browser.lcpMs, 'ms', { op: '≤', limit: 300 });
    record('overview in Chromium: CLS', browser.cls, '');
    record('overview in Chromium: first-load JS (gzip)', browser.firstLoadJsKB, 'KB', { op: '≤', limit: 180 });

    const plan = submitPlan(ctx);
    log(`${ctx.engine}: ${plan.length} figure submits`);
    memory.mark('submit');
    const submits = await measureSubmits(app.url, plan, currentPeriod(new Date()));
    record(`figure submit (${submits.count}, one at a time): p50`, submits.p50, 'ms');
    record(`figure submit (${submits.count}, one at a time): p95`, submits.p95, 'ms', { op: '≤', limit: 30 });

    log(`${ctx.engine}: audit log export (CSV)`);
    const days = auditExportDays(Date.now());
    memory.mark('export audit');
    const beforeAudit = memory.currentMB();
    const audit = await measureDownload(
      app.url,
      `/api/exports/audit?format=csv&from=${days.auditFrom}&to=${days.auditTo}`,
      auditor,
    );
    record('audit export CSV: rows', audit.rows, '');
    record('audit export CSV: time', audit.seconds, 's', { op: '≤', limit: 20 });
    const copy = ctx.floor.auditCopy;
    if (copy) {
      record('audit export floor: COPY … TO STDOUT (CSV) of the same rows', copy.seconds, 's');
      // The goal is PostgreSQL's; PGlite's ratio is reported beside it.
      record(
        'audit export CSV ÷ COPY floor',
        audit.seconds / copy.seconds,
        '×',
        ctx.engine === 'postgres' ? { op: '≤', limit: 2 } : null,
      );
    }
    record(
      'audit export CSV: memory it adds to the server (peak − before)',
      memory.peakMB('export audit') - beforeAudit,
      'MB',
      { op: '≤', limit: 300 },
    );
    record('audit export CSV: server peak memory', memory.peakMB('export audit'), 'MB');

    log(`${ctx.engine}: records export (XLSX)`);
    memory.mark('export records');
    const beforeRecords = memory.currentMB();
    const records = await measureDownload(
      app.url,
      `/api/exports/records?format=xlsx&areaId=${ctx.subjects.recordsAreaId}`,
      auditor,
    );
    record('records export XLSX: rows', records.rows, '');
    record('records export XLSX: time', records.seconds, 's');
    record(
      'records export XLSX: memory it adds to the server (peak − before)',
      memory.peakMB('export records') - beforeRecords,
      'MB',
    );
    record('records export XLSX: server peak memory', memory.peakMB('export records'), 'MB');

    log(`${ctx.engine}: audit chain verification`);
    memory.mark('verify');
    const verify = await measureVerify(app.url, auditor);
    record('audit verify: events', verify.count, '');
    record('audit verify: time', verify.seconds, 's', { op: '≤', limit: 10 });

    log(`${ctx.engine}: import of 5,000 rows (XLSX)`);
    memory.mark('import');
    const imported = await measureImport(app.url, ctx.cookies.get('bench-import') ?? '', ctx.city.importYear);
    record(`import XLSX (${imported.rows} rows): dry run`, imported.dryRun.seconds, 's');
    record(`import XLSX (${imported.rows} rows): commit`, imported.commit.seconds, 's');

    record('server peak memory (whole run)', memory.peakMB(), 'MB', { op: '≤', limit: 450 });
    log(
      `${ctx.engine}: server memory peaks (MB) — ${memory
        .phases()
        .map(([phase, mb]) => `${phase} ${mb}`)
        .join(', ')}`,
    );
  } finally {
    memory.stop();
  }
}
