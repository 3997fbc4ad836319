// PUT /api/plans/[code]/indicators — the admin changes a plan indicator's path (kind, target or 年均增长, per-year values, baseline link); audited.
import { withActor } from '@/lib/server-http/handler';
import { readJsonObject } from '@/lib/server-http/json-body';
import { updatePlanIndicator } from '@/lib/services/plans/edit';

export const dynamic = 'force-dynamic';

export const PUT = withActor<{ code: string }>(async ({ req, actor, params }) =>
  updatePlanIndicator(actor, params.code, await readJsonObject(req)),
);
