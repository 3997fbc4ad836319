/**
 * Benchmark of bulk import: a fresh in-memory PGlite with the report seeded, 500 monthly indicators, and a
 * generated 5,000-row XLSX (500 indicators × 10 months of 2025). Prints the dry-run and commit times as JSON.
 *
 *   npx tsx scripts/bench/import-xlsx.ts
 */
import { openDatabase } from '../../db/client';
import { SYSTEM_ACTOR } from '../../lib/domain/actor';
import { bootstrap } from '../../lib/services/platform/bootstrap';
import { runImport } from '../../lib/services/imports/imports';
import { createUser } from '../../lib/services/admin/users';
import {
  BULK_INDICATORS,
  BULK_MONTHS,
  bulkRows,
  createBulkIndicators,
  xlsxOf,
} from '@/scripts/lib/bulk-import-fixture';

const NOW = new Date('2026-04-10T04:00:00Z');

async function main() {
  let queries = 0;
  const handle = await openDatabase({ dir: 'memory://', onQuery: () => (queries += 1) });
  try {
    await bootstrap({ sample: false, demoAccounts: false, log: () => {} }, handle);
    const { id } = await createUser(
      SYSTEM_ACTOR,
      {
        username: 'bench-official',
        displayName: '基准测试填报员',
        role: 'official',
        departmentCode: 'fgw',
        password: 'Bench-Test-Pass#2026',
        mustChangePassword: false,
      },
      { db: handle.db },
    );
    const [fgw] = await handle.db.query.departments.findMany({ where: (d, { eq }) => eq(d.code, 'fgw') });
    const actor = { id, username: 'bench-official', role: 'official' as const, departmentId: fgw?.id ?? null };
    await createBulkIndicators(handle.db, 'fgw');

    let started = performance.now();
    const file = await xlsxOf(bulkRows(2025));
    const generateMs = performance.now() - started;

    queries = 0;
    started = performance.now();
    const preview = await runImport(actor, { kind: 'actuals', mode: 'dry-run', file }, { db: handle.db, now: NOW });
    const dryRunMs = performance.now() - started;
    const dryRunQueries = queries;

    queries = 0;
    started = performance.now();
    const done = await runImport(actor, { kind: 'actuals', mode: 'commit', file }, { db: handle.db, now: NOW });
    const commitMs = performance.now() - started;

    console.log(
      JSON.stringify({
        engine: handle.engine,
        rows: BULK_INDICATORS * BULK_MONTHS,
        fileBytes: file.byteLength,
        generateMs: Math.round(generateMs),
        dryRun: { ms: Math.round(dryRunMs), ok: preview.okCount, errors: preview.errorCount, queries: dryRunQueries },
        commit: { ms: Math.round(commitMs), ok: done.okCount, committed: done.committed, queries },
      }),
    );
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
