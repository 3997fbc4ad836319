// GET /api/exports/audit?format=csv|xlsx&from=&to=&(filters) — the audit log as a streamed file; ?check=1 answers the row count as JSON.
import { checkAuditLogExport, exportAuditLog } from '@/lib/services/exports/exports';
import { withActor } from '@/lib/server-http/handler';
import { exportGet } from '../export-get';

export const dynamic = 'force-dynamic';

export const GET = withActor(exportGet(exportAuditLog, checkAuditLogExport));
