// GET /api/exports/scores?year=&version=&format=csv|xlsx — the published 考核 ranking and every score's inputs, as a streamed file.
import { downloadResponse, searchObject } from '@/lib/server-http/download';
import { withActor } from '@/lib/server-http/handler';
import { exportScores } from '@/lib/services/scoring/scores';

export const dynamic = 'force-dynamic';

export const GET = withActor(async ({ req, actor }) => {
  const query = searchObject(req.nextUrl.searchParams);
  const file = await exportScores(actor, query);
  return downloadResponse(file.stream, file.fileName, file.contentType);
});
