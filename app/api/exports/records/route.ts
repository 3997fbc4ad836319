// GET /api/exports/records?format=csv|xlsx&year=&fromMonth=&toMonth=&areaId=&departmentId=&indicatorId= — figures as a streamed file; ?check=1 answers the row count.
import { downloadResponse, isCheckOnly, searchObject } from '@/lib/server-http/download';
import { withActor } from '@/lib/server-http/handler';
import { checkRecordsExport, exportRecords } from '@/lib/services/exports/exports';

export const dynamic = 'force-dynamic';

export const GET = withActor(async ({ req, actor }) => {
  const query = searchObject(req.nextUrl.searchParams, ['check']);
  if (isCheckOnly(req.nextUrl.searchParams)) return checkRecordsExport(actor, query);
  const file = await exportRecords(actor, query);
  return downloadResponse(file.stream, file.fileName, file.contentType);
});
