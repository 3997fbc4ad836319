// GET /api/exports/indicators/[code]?format=csv|xlsx — one indicator's audit bundle (figures, history, approvals, explanations, 批示); ?check=1 answers the row count.
import { downloadResponse, isCheckOnly, searchObject } from '@/lib/server-http/download';
import { withActor } from '@/lib/server-http/handler';
import { checkIndicatorBundle, exportIndicatorBundle } from '@/lib/services/exports/exports';

export const dynamic = 'force-dynamic';

export const GET = withActor<{ code: string }>(async ({ req, actor, params }) => {
  const query = searchObject(req.nextUrl.searchParams, ['check']);
  if (isCheckOnly(req.nextUrl.searchParams)) return checkIndicatorBundle(actor, params.code, query);
  const file = await exportIndicatorBundle(actor, params.code, query);
  return downloadResponse(file.stream, file.fileName, file.contentType);
});
