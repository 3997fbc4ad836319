// GET /api/exports/indicators/[code]/evidence — the indicator's 佐证材料 files with their manifest (JSON and CSV), as one ZIP (auditors).
import { downloadResponse } from '@/lib/server-http/download';
import { withActor } from '@/lib/server-http/handler';
import { exportIndicatorEvidence } from '@/lib/services/evidence/bundle';

export const dynamic = 'force-dynamic';

export const GET = withActor<{ code: string }>(async ({ actor, params }) => {
  const file = await exportIndicatorEvidence(actor, params.code);
  return downloadResponse(file.stream, file.fileName, file.contentType);
});
