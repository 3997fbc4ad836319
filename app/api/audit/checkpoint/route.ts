// GET /api/audit/checkpoint — verifies the chain and downloads its head as a checkpoint JSON (recorded as audit.checkpoint).
import { downloadResponse } from '@/lib/http/download';
import { withActor } from '@/lib/http/handler';
import { createCheckpoint } from '@/lib/services/audit';
import { fileStamp } from '@/lib/services/export-run';

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
