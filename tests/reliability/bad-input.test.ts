import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { actuals, departments, indicators, users } from '@/db/schema';
import { currentPeriod, formatPeriod } from '@/lib/domain/period';
import type { TestAccount } from '@/scripts/lib/test-server';
import { sameOrigin, signIn } from '@/scripts/lib/test-app';
import { buildCorpus, type CorpusIds } from './support/corpus';
import { refusalsRecordedSince, snapshotApartFromRefusals, withAppDatabase } from './support/app-database';
import { PASSWORD, reliabilitySuite } from './support/suite';

const ACCOUNTS: TestAccount[] = [
  { username: 'rel-official', role: 'official', displayName: '语料填报员', departmentCode: 'fgw' },
  { username: 'rel-reviewer', role: 'reviewer', displayName: '语料审核员', departmentCode: 'fgw' },
  { username: 'rel-admin', role: 'admin', displayName: '语料管理员' },
  { username: 'rel-security', role: 'security', displayName: '语料安全管理员' },
  { username: 'rel-leader', role: 'leader', displayName: '语料领导' },
  { username: 'rel-auditor', role: 'auditor', displayName: '语料审计员' },
];

/** What a refused request is meant to leave: its throttled `refusal.*` record (等保 8.1.4.3; lib/services/audit/refusals.ts). */
const isRefusal = (action: string) => action.startsWith('refusal.');

async function findIds(env: Record<string, string>): Promise<CorpusIds> {
  return withAppDatabase(env, async (db) => {
    const byStatus = async (status: 'submitted' | 'approved') => {
      const [row] = await db
        .select({ id: actuals.id, version: actuals.version })
        .from(actuals)
        .innerJoin(indicators, eq(indicators.id, actuals.indicatorId))
        .where(and(eq(actuals.status, status), eq(actuals.isSample, true)))
        .limit(1);
      if (!row) throw new Error(`the sample year has no ${status} figure`);
      return row;
    };
    const [user] = await db.select({ id: users.id }).from(users).where(eq(users.username, 'rel-official'));
    const [dept] = await db.select({ id: departments.id }).from(departments).where(eq(departments.code, 'fgw'));
    const [ind] = await db
      .select({ version: indicators.version })
      .from(indicators)
      .where(eq(indicators.code, 'INV-PROJECTS'));
    return {
      submitted: await byStatus('submitted'),
      approved: await byStatus('approved'),
      period: formatPeriod(currentPeriod(new Date())),
      userId: user?.id ?? 0,
      departmentId: dept?.id ?? 0,
      indicatorVersion: ind?.version ?? 1,
    };
  });
}

describe('a corpus of bad input against every write endpoint', () => {
  const cookies: Record<string, string> = {};
  const suite = reliabilitySuite(
    {
      prefix: 'rel_bad',
      pgliteDir: '.data-reliability-bad',
      testUrl: process.env.TEST_DATABASE_URL,
      accounts: ACCOUNTS,
    },
    {
      // Sign in first (that writes: last login, audit), then stop, so the snapshot holds only what the corpus could change.
      ready: async (s) => {
        const app = await s.start(3204);
        for (const a of ACCOUNTS) cookies[a.role] = await signIn(app.url, a.username, PASSWORD);
        await s.stop();
      },
    },
  );

  it('answers every case with a 4xx and a Chinese message, and the database is unchanged', async () => {
    const ids = await findIds(suite.db.env);
    const before = await snapshotApartFromRefusals(suite.db.env, isRefusal);
    const app = await suite.start(3204);
    const corpus = buildCorpus(ids);
    expect(corpus.length).toBeGreaterThanOrEqual(60);
    const wrong: string[] = [];
    for (const c of corpus) {
      const res = await fetch(`${app.url}${c.path}`, {
        method: c.method,
        headers: {
          cookie: cookies[c.role] ?? '',
          ...sameOrigin(app.url),
          ...(c.contentType ? { 'content-type': c.contentType } : {}),
        },
        body: c.body,
        signal: AbortSignal.timeout(15_000),
      });
      const text = await res.text();
      let message = '';
      try {
        message = (JSON.parse(text) as { error?: { message?: string } }).error?.message ?? '';
      } catch {
        message = '';
      }
      if (res.status < 400 || res.status > 499 || !/[\u4e00-\u9fa5]/.test(message)) {
        wrong.push(`${c.name}: HTTP ${res.status} ${text.slice(0, 160)}`);
      }
    }
    await suite.stop();
    expect(wrong, wrong.join('\n')).toEqual([]);
    // The refused ones (an official managing accounts, a leader importing) are on the record, throttled: a handful
    // of events, not one per request.
    const recorded = await refusalsRecordedSince(suite.db.env, before, isRefusal);
    expect(recorded.length).toBeGreaterThan(0);
    expect(recorded.length).toBeLessThan(10);
  });
});
