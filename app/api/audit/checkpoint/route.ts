// GET /api/audit/checkpoint — verifies the chain and downloads its head as a checkpoint JSON (recorded as audit.checkpoint).
import { downloadResponse } from '@/lib/server-http/download';
import { withActor } from '@/lib/server-http/handler';
import { createCheckpoint } from '@/lib/services/audit/audit-log';
import { fileStamp } from '@/lib/services/exports/run';

export const dynamic = 'force-dynamic';

export const GET = withActor(async ({ actor }) => {
  const now = new Date();
  const checkpoint = await createCheckpoint(actor, { now });
  return downloadResponse(
    `${JSON.stringify(checkpoint, null, 2)}\n`,
    `审计检查点_${fileStamp(now)}.json`,
    'application/json; charset=utf-8',
  );
});
