// PUT /api/admin/indicators/[code]/rollup — tracked by unit or not, and how units roll up ({ trackedByUnit, rule?, weightIndicatorCode? }).
import { withActor } from '@/lib/server-http/handler';
import { readJsonObject } from '@/lib/server-http/json-body';
import { setIndicatorRollup } from '@/lib/services/units/targets';

export const dynamic = 'force-dynamic';

export const PUT = withActor<{ code: string }>(async ({ req, actor, params }) =>
  setIndicatorRollup(actor, params.code, await readJsonObject(req)),
);
