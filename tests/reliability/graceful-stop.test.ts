/**
 * SIGTERM (systemd's stop, a rolling restart) while a request is in flight: the server stops accepting, the
 * request completes and is stored, the database is closed (the embedded folder's lock is free at once) and the
 * process exits 0 within 10 s. The request's JSON log line carries the id it was sent with.
 */
import http from 'node:http';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openDatabase, queryRows } from '@/db/client';
import { currentPeriod, formatPeriod } from '@/lib/domain/period';
import { signIn } from '@/scripts/lib/test-app';
import { PASSWORD, reliabilitySuite } from './support/suite';

const REQUEST_ID = 'graceful-stop-0001';

/** A PUT whose body arrives in two halves: the request is in flight until `finish()` sends the rest. */
function trickledPut(url: string, cookie: string, body: string) {
  const bytes = Buffer.from(body);
  const target = new URL(url);
  let resolveAnswer: (answer: { status: number; requestId: string | undefined; body: string }) => void = () => {};
  let rejectAnswer: (error: Error) => void = () => {};
  const answer = new Promise<{ status: number; requestId: string | undefined; body: string }>((resolve, reject) => {
    resolveAnswer = resolve;
    rejectAnswer = reject;
  });
  const req = http.request(
    {
      host: target.hostname,
      port: target.port,
      path: target.pathname,
      method: 'PUT',
      headers: {
        cookie,
        origin: target.origin,
        'content-type': 'application/json',
        'content-length': bytes.length,
        'x-request-id': REQUEST_ID,
      },
    },
    (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () =>
        resolveAnswer({ status: res.statusCode ?? 0, requestId: res.headers['x-request-id']?.toString(), body: text }),
      );
    },
  );
  req.on('error', rejectAnswer);
  req.write(bytes.subarray(0, 10));
  return {
    answer,
    finish: () => req.end(bytes.subarray(10)),
  };
}

describe('SIGTERM with a request in flight', () => {
  const suite = reliabilitySuite(
    {
      prefix: 'rel_stop',
      pgliteDir: '.data-reliability-stop',
      testUrl: process.env.TEST_DATABASE_URL,
      accounts: [{ username: 'rel-stopper', role: 'official', displayName: '停机测试', departmentCode: 'fgw' }],
    },
    { teardown: { end: 'kill9' } },
  );

  it('finishes the request, refuses new connections, closes the database and exits 0 within 10 s', async () => {
    const running = await suite.start(3304);
    const cookie = await signIn(running.url, 'rel-stopper', PASSWORD);
    const current = currentPeriod(new Date());
    const period = formatPeriod(current);
    const value = '4321';
    const put = trickledPut(
      `${running.url}/api/actuals`,
      cookie,
      JSON.stringify({ indicatorCode: 'INV-PROJECTS', period, value, version: null, action: 'draft' }),
    );
    await new Promise((r) => setTimeout(r, 300));

    const exited = new Promise<{ code: number | null; at: number }>((resolve) =>
      running.proc.once('exit', (code) => resolve({ code, at: Date.now() })),
    );
    const signalled = Date.now();
    if (running.proc.pid) process.kill(running.proc.pid, 'SIGTERM');
    await new Promise((r) => setTimeout(r, 700));
    // No longer accepting: a new connection is refused while the old request is still open.
    const fresh = await fetch(`${running.url}/api/health`).then(
      (r) => r.status,
      () => 0,
    );
    expect(fresh).toBe(0);
    put.finish();

    const answer = await put.answer;
    expect(answer.status, answer.body).toBe(200);
    expect(answer.requestId).toBe(REQUEST_ID);
    const { code, at } = await exited;
    suite.app = undefined;
    expect(code, running.output()).toBe(0);
    expect(at - signalled).toBeLessThan(10_000);

    const lines = running
      .output()
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const logged = lines.find((line) => line.requestId === REQUEST_ID);
    expect(logged).toMatchObject({ method: 'PUT', route: '/api/actuals', status: 200, msg: 'request' });
    expect(typeof logged?.actorId).toBe('number');
    expect(Number(logged?.durationMs)).toBeGreaterThanOrEqual(700);
    expect(lines.some((line) => line.event === 'stopped' && line.databaseClosed === true)).toBe(true);

    // The write is stored, and (embedded) the folder's lock is free the moment the process is gone.
    const handle = await openDatabase({ url: suite.db.env.DATABASE_URL, dir: suite.db.env.PGLITE_DIR, migrate: false });
    try {
      const rows = await queryRows<{ value: string }>(
        handle.db,
        sql`select a.value::text as value from actuals a join indicators i on i.id = a.indicator_id where i.code = 'INV-PROJECTS' and a.year = ${current.year} and a.month = ${current.month}`,
      );
      expect(rows.map((r) => Number(r.value))).toContain(Number(value));
    } finally {
      await handle.close();
    }
  });
});
