// GET /api/audit/[id] — one audit event with its before/after values and hashes.
import { withActor } from '@/lib/server-http/handler';
import { getAuditEvent } from '@/lib/services/audit/audit-log';

export const dynamic = 'force-dynamic';

export const GET = withActor<{ id: string }>(async ({ actor, params }) => getAuditEvent(actor, params.id));
