// GET /api/audit/alerts — the auditor's unacknowledged alerts (changes to auditor accounts). POST { ids } — acknowledge them.
import { withActor } from '@/lib/server-http/handler';
import { readJsonObject } from '@/lib/server-http/json-body';
import { acknowledgeAuditorAlerts, listPendingAuditorAlerts } from '@/lib/services/audit/auditor-alerts';

export const dynamic = 'force-dynamic';

export const GET = withActor(async ({ actor }) => listPendingAuditorAlerts(actor));

export const POST = withActor(async ({ req, actor }) => acknowledgeAuditorAlerts(actor, await readJsonObject(req)));
