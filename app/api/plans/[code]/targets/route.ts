// POST /api/plans/[code]/targets — the admin confirms a plan path value as an indicator's annual target (audited as a target change).
import { withActor } from '@/lib/server-http/handler';
import { readJsonObject } from '@/lib/server-http/json-body';
import { adoptPlanTarget } from '@/lib/services/plans/targets';

export const dynamic = 'force-dynamic';

export const POST = withActor<{ code: string }>(async ({ req, actor, params }) =>
  adoptPlanTarget(actor, params.code, await readJsonObject(req)),
);
