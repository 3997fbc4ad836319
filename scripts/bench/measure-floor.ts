/**
 * The floor: the SQL behind each dashboard endpoint, run directly on a database handle (postgres.js with the
 * app's pool size, or PGlite in this process) with the same concurrency as the HTTP load — no HTTP, no
 * session, no snapshot math, no JSON. The calls mirror the services query for query (resolvePeriod, then
 * loadIndicatorViews; getIndicatorDetail's Promise.all for one indicator): keep them in step.
 *
 *   tsx scripts/bench/measure-floor.ts '{"dir":"…"|"url":"…","areaSlug":"…","indicatorCode":"…","connections":32,"seconds":15}'
 *
 * Run as a child process (a fresh process, like the server; and PGlite's folder is free while the server is
 * down). Prints one JSON line: { [endpoint]: { unloaded, loaded }, auditCopy: { seconds, bytes } }; unloaded is 50 sequential runs (the API's
 * figures are over 200), enough for its p50 and p95 beside them.
 */
import { PGlite, protocol } from '@electric-sql/pglite';
import postgres from 'postgres';
import { z } from 'zod';
import { openDatabase, preparePglite, type Db } from '@/db/client';
import { serverEnv } from '@/lib/env';
import { auditExportSchema } from '@/lib/validation/audit';
import { getIndicatorByCode } from '@/db/queries/actuals';
import { listFigureYears, listIndicatorRows, listSnapshotFigures, listTargetRows } from '@/db/queries/figures';
import { listFigureEvents, listIndicatorFigures, listIndicatorTargets } from '@/db/queries/history';
import { listInstructionAnswers, listInstructions } from '@/db/queries/instructions';
import { listSettings } from '@/db/queries/settings';
import type { Actor } from '@/lib/domain/actor';
import { WORK_AREAS } from '@/lib/domain/types';
import { measureCallLoad, measureSequential } from './measure-api';

const argsSchema = z.object({
  url: z.string().optional(),
  dir: z.string().optional(),
  areaSlug: z.string(),
  indicatorCode: z.string(),
  connections: z.number().int().positive(),
  seconds: z.number().positive(),
  count: z.number().int().positive().default(50),
  /** The audit export's day range (Beijing days, as the bench's export asks for them). */
  auditFrom: z.string(),
  auditTo: z.string(),
});

const actor: Actor = { id: 1, username: 'bench-leader', role: 'leader', departmentId: null };

/** resolvePeriod's query, then loadIndicatorViews' four (five with the phases) for the filter. */
async function indicatorViewsSql(db: Db, filter: { areaId?: number; indicatorIds?: number[] }) {
  const years = await listFigureYears(db);
  const year = years[0]?.year ?? 2026;
  const month = years[0]?.lastMonth ?? 12;
  const [rows] = await Promise.all([listIndicatorRows(db, { ...filter }), listSettings(db)]);
  const scoped = filter.areaId !== undefined || filter.indicatorIds !== undefined;
  const ids = scoped ? rows.map((r) => r.id) : undefined;
  await Promise.all([
    listSnapshotFigures(db, { year, throughMonth: month, indicatorIds: ids }),
    listTargetRows(db, { year, indicatorIds: ids }),
  ]);
}

function endpoints(db: Db, areaId: number, indicatorCode: string): Record<string, () => Promise<boolean>> {
  return {
    overview: async () => {
      await indicatorViewsSql(db, {});
      return true;
    },
    area: async () => {
      await indicatorViewsSql(db, { areaId });
      return true;
    },
    indicator: async () => {
      const record = await getIndicatorByCode(db, indicatorCode);
      if (!record) return false;
      const args = { actor, indicatorId: record.id };
      const unscoped = { indicatorId: record.id };
      await Promise.all([
        indicatorViewsSql(db, { indicatorIds: [record.id] }),
        listIndicatorFigures(db, args),
        listIndicatorTargets(db, unscoped),
        listFigureEvents(db, args),
        listInstructions(db, unscoped),
        listInstructionAnswers(db, unscoped),
        listSettings(db),
      ]);
      return true;
    },
  };
}

/**
 * The export's floor: PostgreSQL's own COPY of the same events (the columns the audit CSV holds, before/after as
 * the database's JSON text, in id order) as CSV, read to the end. No Beijing time, labels, neutralised text or BOM:
 * the least any export of these rows could cost. On PGlite, the same COPY … TO STDOUT on its raw protocol (as
 * db/copy.ts reads it; twice as fast as its COPY … TO '/dev/blob'), timed from when it is open; the bytes counted are
 * the protocol's (a few bytes of framing per row).
 */
async function auditCopyFloor(args: z.output<typeof argsSchema>) {
  const { from, to } = auditExportSchema.parse({ from: args.auditFrom, to: args.auditTo, format: 'csv' });
  if (!from || !to) throw new Error('the audit range needs both ends');
  const select = `select id, occurred_at, actor_username, actor_role, action, entity_type, entity_id, department_id,
      indicator_id, reason, client_address, before::text, after::text, prev_hash, hash from audit_events
    where occurred_at >= '${from.toISOString()}' and occurred_at < '${to.toISOString()}' order by id`;
  let start = performance.now();
  let bytes = 0;
  if (args.url) {
    const client = postgres(args.url, { max: 1, onnotice: () => {} });
    try {
      const stream = await client.unsafe(`copy (${select}) to stdout with (format csv)`).readable();
      for await (const chunk of stream as AsyncIterable<Buffer>) bytes += chunk.byteLength;
    } finally {
      await client.end({ timeout: 5 });
    }
  } else {
    const client = await PGlite.create(args.dir ?? '', preparePglite(serverEnv().pgliteSharedBuffers));
    try {
      start = performance.now(); // PGlite's COPY, not its start
      await client.execProtocolRawStream(protocol.serialize.query(`copy (${select}) to stdout with (format csv)`), {
        syncToFs: false,
        onRawData: (chunk) => (bytes += chunk.byteLength),
      });
    } finally {
      await client.close();
    }
  }
  return { seconds: (performance.now() - start) / 1000, bytes };
}

async function main(): Promise<void> {
  const args = argsSchema.parse(JSON.parse(process.argv[2] ?? '{}'));
  const areaId = WORK_AREAS.find((a) => a.slug === args.areaSlug)?.id ?? 1;
  const handle = await openDatabase({
    url: args.url,
    dir: args.dir,
    migrate: false,
    maxConnections: Number(process.env.DATABASE_POOL_SIZE ?? 10),
  });
  const results: Record<string, unknown> = {};
  try {
    for (const [name, call] of Object.entries(endpoints(handle.db, areaId, args.indicatorCode))) {
      const unloaded = await measureSequential(call, args.count);
      const loaded = await measureCallLoad(call, args.connections, args.seconds);
      results[name] = { unloaded, loaded };
    }
  } finally {
    await handle.close();
  }
  // After the handle is closed: on PGlite the floor opens the folder itself.
  results.auditCopy = await auditCopyFloor(args);
  console.log(JSON.stringify(results));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
