// GET /api/audit?from=&to=&username=&role=&action=&entityType=&departmentId=&indicatorId=&cursor=&limit= — one page of the audit log, newest first.
import { searchObject } from '@/lib/server-http/download';
import { withActor } from '@/lib/server-http/handler';
import { listAuditEvents } from '@/lib/services/audit/audit-log';

export const dynamic = 'force-dynamic';

export const GET = withActor(async ({ req, actor }) => listAuditEvents(actor, searchObject(req.nextUrl.searchParams)));
