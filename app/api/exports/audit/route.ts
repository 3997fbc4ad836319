// GET /api/exports/audit?format=csv|xlsx&from=&to=&(filters) — the audit log as a streamed file; ?check=1 answers the row count as JSON.
import { downloadResponse, isCheckOnly, searchObject } from '@/lib/server-http/download';
import { withActor } from '@/lib/server-http/handler';
import { checkAuditLogExport, exportAuditLog } from '@/lib/services/exports/exports';

export const dynamic = 'force-dynamic';

export const GET = withActor(async ({ req, actor }) => {
  const query = searchObject(req.nextUrl.searchParams, ['check']);
  if (isCheckOnly(req.nextUrl.searchParams)) return checkAuditLogExport(actor, query);
  const file = await exportAuditLog(actor, query);
  return downloadResponse(file.stream, file.fileName, file.contentType);
});
