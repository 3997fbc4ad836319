import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '@/db/client';
import { actuals, indicators } from '@/db/schema';
import { SYSTEM_ACTOR } from '@/lib/domain/actor';
import { currentPeriod, formatPeriod } from '@/lib/domain/period';
import { verifyAuditChain } from '@/lib/services/audit/audit-log';
import type { TestAccount } from '@/scripts/lib/test-server';
import { signIn } from '@/scripts/lib/test-app';
import { PASSWORD, reliabilitySuite } from './support/suite';
import { DraftWriter, missingWrites, type AcknowledgedWrite } from './support/writes';

const WRITERS = 20;
const SUBMITS = 50;
const CODES = ['INV-PROJECTS', 'INV-NEW-STARTS', 'INV-INVESTMENT', 'INV-TRANSFORM-PROJECTS-COMPLETED'];
const writers: TestAccount[] = Array.from({ length: WRITERS }, (_, i) => ({
  username: `rel-writer-${i + 1}`,
  role: 'official',
  displayName: `并发填报员${i + 1}`,
  departmentCode: 'fgw',
}));

const engines = [{ engine: 'pglite', testUrl: undefined as string | undefined }];
if (process.env.TEST_DATABASE_URL) engines.push({ engine: 'postgres', testUrl: process.env.TEST_DATABASE_URL });

for (const { engine, testUrl } of engines) {
  describe(`${WRITERS} concurrent writers × ${SUBMITS} saves on overlapping figures [${engine}]`, () => {
    const suite = reliabilitySuite(
      { prefix: 'rel_conc', pgliteDir: '.data-reliability-conc', testUrl, accounts: writers },
      { ready: (s) => s.start(3201) },
    );

    it('answers every save with 2xx or 409, keeps every acknowledged save, and the audit chain verifies', async () => {
      const running = suite.app!;
      const period = formatPeriod(currentPeriod(new Date()));
      const cookies = await Promise.all(writers.map((w) => signIn(running.url, w.username, PASSWORD)));
      const acknowledged: AcknowledgedWrite[] = [];
      const statuses = new Map<number, number>();
      await Promise.all(
        cookies.map(async (cookie, w) => {
          const drafts = new DraftWriter(cookie, acknowledged);
          for (let k = 0; k < SUBMITS; k += 1) {
            const code = CODES[(w + k) % CODES.length] ?? 'INV-PROJECTS';
            const status = await drafts.save(running.url, code, period, String(1000 + w * 100 + k));
            statuses.set(status, (statuses.get(status) ?? 0) + 1);
          }
        }),
      );
      await suite.stop();

      expect(
        [...statuses.keys()].every((s) => s === 200 || s === 409),
        JSON.stringify([...statuses]),
      ).toBe(true);
      expect(acknowledged.length).toBeGreaterThan(WRITERS);

      const handle = await openDatabase({ url: suite.db.env.DATABASE_URL, dir: suite.db.env.PGLITE_DIR });
      try {
        // Every acknowledged save is in the database: as the figure's version history in the audit log…
        expect(await missingWrites(handle.db, acknowledged)).toEqual([]);
        // …and the last acknowledged version of each figure is the stored row.
        for (const code of CODES) {
          const last = acknowledged.filter((a) => a.code === code).sort((a, b) => b.version - a.version)[0];
          if (!last) continue;
          const [row] = await handle.db
            .select({ version: actuals.version, value: actuals.value })
            .from(actuals)
            .innerJoin(indicators, eq(indicators.id, actuals.indicatorId))
            .where(
              and(
                eq(indicators.code, code),
                eq(actuals.year, Number(period.slice(0, 4))),
                eq(actuals.month, Number(period.slice(5))),
              ),
            );
          expect(row?.version).toBe(last.version);
          expect(Number(row?.value)).toBe(Number(last.value));
        }
        const report = await verifyAuditChain(SYSTEM_ACTOR, {}, { db: handle.db });
        expect(report.ok, report.message).toBe(true);
      } finally {
        await handle.close();
      }
    });
  });
}
