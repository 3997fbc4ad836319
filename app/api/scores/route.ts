// GET /api/scores?year=&version= — the published 考核 ranking with every score's inputs and formula.
import { searchObject } from '@/lib/server-http/download';
import { withActor } from '@/lib/server-http/handler';
import { getScores } from '@/lib/services/scoring/scores';

export const dynamic = 'force-dynamic';

export const GET = withActor(async ({ req, actor }) => getScores(actor, searchObject(req.nextUrl.searchParams)));
