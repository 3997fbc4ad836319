// PUT /api/actuals — save a draft or submit one figure (JSON body; version guards against lost updates).
import { readJsonBody } from '@/lib/server-http/body';
import { withActor } from '@/lib/server-http/handler';
import { saveActual } from '@/lib/services/reporting/actual-entry';

export const dynamic = 'force-dynamic';

export const PUT = withActor(async ({ req, actor }) => {
  const result = await saveActual(actor, await readJsonBody(req));
  return {
    actual: {
      id: result.actual.id,
      status: result.actual.status,
      version: result.actual.version,
      value: result.actual.value,
    },
    needsExplanation: result.needsExplanation,
  };
});
