// POST /api/periods/lock — close a period for the whole city; DELETE reopens it. Body: { period: "2026-03", reason }.
import { readJsonBody } from '@/lib/server-http/body';
import { withActor } from '@/lib/server-http/handler';
import { setPeriodLocked } from '@/lib/services/reporting/actual-review';

export const dynamic = 'force-dynamic';

export const POST = withActor(async ({ req, actor }) => setPeriodLocked(actor, await readJsonBody(req), true));
export const DELETE = withActor(async ({ req, actor }) => setPeriodLocked(actor, await readJsonBody(req), false));
