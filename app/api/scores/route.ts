// GET /api/scores?year=&version= — the published 考核 ranking with every score's inputs and formula.
import { searchObject } from '@/lib/http/download';
import { withActor } from '@/lib/http/handler';
import { getScores } from '@/lib/services/scores-view';

export const dynamic = 'force-dynamic';

export const GET = withActor(async ({ req, actor }) => getScores(actor, searchObject(req.nextUrl.searchParams)));
