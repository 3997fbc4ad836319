// GET /api/exports/records?format=csv|xlsx&year=&fromMonth=&toMonth=&areaId=&departmentId=&indicatorId= — figures as a streamed file; ?check=1 answers the row count.
import { checkRecordsExport, exportRecords } from '@/lib/services/exports/exports';
import { withActor } from '@/lib/server-http/handler';
import { exportGet } from '../export-get';

export const dynamic = 'force-dynamic';

export const GET = withActor(exportGet(exportRecords, checkRecordsExport));
