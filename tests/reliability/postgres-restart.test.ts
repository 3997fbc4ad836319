import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '@/db/client';
import { currentPeriod, formatPeriod } from '@/lib/domain/period';
import type { TestAccount } from '@/scripts/lib/test-server';
import { signIn, waitFor } from '@/scripts/lib/test-app';
import { PASSWORD, reliabilitySuite } from './support/suite';
import { DraftWriter, missingWrites, type AcknowledgedWrite } from './support/writes';

const testUrl = process.env.TEST_DATABASE_URL;
const cluster = fs.existsSync('/etc/postgresql') ? (fs.readdirSync('/etc/postgresql')[0] ?? '15') : '15';
// Asynchronous, so the load keeps running while the cluster stops and starts.
const pgctl = (action: 'stop' | 'start') =>
  promisify(execFile)('pg_ctlcluster', [
    '--skip-systemctl-redirect',
    cluster,
    'main',
    action,
    ...(action === 'stop' ? ['-m', 'fast'] : []),
  ]);
const isPgUp = async () => {
  try {
    await promisify(execFile)('pg_isready', ['-h', '127.0.0.1', '-p', '5432', '-q']);
    return true;
  } catch {
    return false;
  }
};
const lanes: TestAccount[] = Array.from({ length: 4 }, (_, i) => ({
  username: `rel-pg-${i + 1}`,
  role: 'official',
  displayName: `重启测试${i + 1}`,
  departmentCode: 'fgw',
}));
const CODES = ['INV-PROJECTS', 'INV-NEW-STARTS', 'INV-INVESTMENT', 'INV-TRANSFORM-PROJECTS-COMPLETED'];

// Needs the machine's PostgreSQL (TEST_DATABASE_URL), which it stops and starts again.
describe.runIf(Boolean(testUrl))('PostgreSQL restarted in the middle of a write load', () => {
  const suite = reliabilitySuite(
    { prefix: 'rel_pg', pgliteDir: '.data-unused', testUrl, accounts: lanes },
    {
      ready: (s) => s.start(3203),
      // The cluster is up again before the app is stopped and the database dropped.
      teardown: {
        beforeEnd: async () => {
          if (!(await isPgUp())) await pgctl('start');
          await waitFor(isPgUp, 30_000, 'PostgreSQL');
        },
      },
    },
  );

  it('answers 503 quickly during the outage, recovers by itself within 5 s, and keeps every acknowledged write', async () => {
    const running = suite.app!;
    const period = formatPeriod(currentPeriod(new Date()));
    const cookies = await Promise.all(lanes.map((l) => signIn(running.url, l.username, PASSWORD)));
    const answers: { start: number; end: number; status: number; message?: string }[] = [];
    const acknowledged: AcknowledgedWrite[] = [];
    let stopAt = Number.POSITIVE_INFINITY;
    const lane = async (cookie: string, n: number) => {
      const drafts = new DraftWriter(cookie, acknowledged);
      for (let k = 0; Date.now() < stopAt; k += 1) {
        const code = CODES[(n + k) % CODES.length] ?? 'INV-PROJECTS';
        const value = String(5000 + n * 1000 + (k % 1000));
        const start = Date.now();
        const status = await drafts.save(running.url, code, period, value, 12_000);
        answers.push({ start, end: Date.now(), status, message: drafts.lastMessage });
        if (status === 503) await new Promise((r) => setTimeout(r, 200));
      }
    };
    const load = cookies.map((c, i) => lane(c, i));
    await new Promise((r) => setTimeout(r, 2_000));
    const downAt = Date.now();
    await pgctl('stop');
    await new Promise((r) => setTimeout(r, 4_000));
    const startAt = Date.now();
    await pgctl('start');
    await waitFor(isPgUp, 30_000, 'PostgreSQL to come back');
    const upAt = Date.now();
    stopAt = upAt + 8_000;
    await Promise.all(load);

    if (process.env.RELIABILITY_DEBUG) {
      const rel = (t: number) => t - downAt;
      fs.writeFileSync(
        '/tmp/pg-restart-answers.json',
        JSON.stringify(
          {
            startAt: rel(startAt),
            upAt: rel(upAt),
            answers: answers.map((a) => ({ ...a, start: rel(a.start), end: rel(a.end) })),
          },
          null,
          1,
        ),
      );
      fs.writeFileSync('/tmp/pg-restart-app.log', running.output());
    }
    const unexpected = answers.filter((a) => ![200, 409, 503].includes(a.status));
    expect(unexpected, 'only 2xx, 409 or 503 (never 500 or a hang)').toEqual([]);
    expect(Math.max(...answers.map((a) => a.end - a.start)), 'no request hangs past 10 s').toBeLessThanOrEqual(10_000);
    const duringOutage = answers.filter((a) => a.start > downAt + 500 && a.end < startAt);
    expect(duringOutage.length).toBeGreaterThan(0);
    for (const a of duringOutage) {
      expect(a.status).toBe(503);
      expect(a.message).toMatch(/数据库暂时不可用/);
    }
    const firstOk = answers.filter((a) => a.start >= upAt && a.status === 200).sort((a, b) => a.end - b.end)[0];
    expect(firstOk, 'a write succeeds after the database returns').toBeDefined();
    expect(firstOk!.end - upAt, 'recovers within 5 s').toBeLessThanOrEqual(5_000);
    expect(answers.filter((a) => a.start > upAt + 5_000 && a.status === 503)).toEqual([]);

    const handle = await openDatabase({ url: suite.db.env.DATABASE_URL, migrate: false, maxConnections: 2 });
    try {
      expect(await missingWrites(handle.db, acknowledged)).toEqual([]);
    } finally {
      await handle.close();
    }
  });
});
