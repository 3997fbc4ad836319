import { describe, expect, it } from 'vitest';
import { openDatabase } from '@/db/client';
import { SYSTEM_ACTOR } from '@/lib/domain/actor';
import { currentPeriod, formatPeriod } from '@/lib/domain/period';
import { verifyAuditChain } from '@/lib/services/audit/audit-log';
import { signIn } from '@/scripts/lib/test-app';
import { PASSWORD, reliabilitySuite } from './support/suite';
import { DraftWriter, missingWrites, type AcknowledgedWrite } from './support/writes';

const KILLS = 20;
const CODES = ['INV-PROJECTS', 'INV-NEW-STARTS', 'INV-INVESTMENT'];

describe(`the embedded engine survives SIGKILL in the middle of writes (${KILLS} times)`, () => {
  const suite = reliabilitySuite(
    {
      prefix: 'rel_kill',
      pgliteDir: '.data-reliability-kill',
      accounts: [{ username: 'rel-killer', role: 'official', displayName: '断电测试', departmentCode: 'fgw' }],
    },
    { teardown: { end: 'kill9' } },
  );

  it('after each restart the database opens and every acknowledged write is present', async () => {
    const period = formatPeriod(currentPeriod(new Date()));
    const acknowledged: AcknowledgedWrite[] = [];
    let saver: DraftWriter | undefined;
    let cookie = '';
    for (let round = 0; round < KILLS; round += 1) {
      const running = await suite.start(3202);
      cookie ||= await signIn(running.url, 'rel-killer', PASSWORD);
      // One writer over every round: the versions it saw survive the restarts, as a browser's would.
      const drafts = (saver ??= new DraftWriter(cookie, acknowledged));
      let stop = false;
      const writer = async (lane: number) => {
        for (let k = 0; !stop; k += 1) {
          const code = CODES[(lane + k) % CODES.length] ?? 'INV-PROJECTS';
          const value = String(round * 1000 + lane * 100 + (k % 100));
          if ((await drafts.save(running.url, code, period, value, 5_000)) === 0) return; // the server is gone
        }
      };
      const lanes = [writer(0), writer(1), writer(2)];
      await new Promise((r) => setTimeout(r, 300 + ((round * 137) % 900)));
      await running.kill9();
      stop = true;
      await Promise.all(lanes);
      suite.app = undefined;

      const handle = await openDatabase({ dir: suite.db.env.PGLITE_DIR });
      try {
        expect(await missingWrites(handle.db, acknowledged), `round ${round + 1}: acknowledged writes lost`).toEqual(
          [],
        );
      } finally {
        await handle.close();
      }
    }
    expect(acknowledged.length).toBeGreaterThan(KILLS);
    const handle = await openDatabase({ dir: suite.db.env.PGLITE_DIR });
    try {
      const report = await verifyAuditChain(SYSTEM_ACTOR, {}, { db: handle.db });
      expect(report.ok, report.message).toBe(true);
    } finally {
      await handle.close();
    }
  });
});
