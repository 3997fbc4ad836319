// GET /api/exports/scores?year=&version=&format=csv|xlsx — the published 考核 ranking and every score's inputs, as a streamed file.
import { exportScores } from '@/lib/services/scoring/scores';
import { withActor } from '@/lib/server-http/handler';
import { exportGet } from '../export-get';

export const dynamic = 'force-dynamic';

export const GET = withActor(exportGet(exportScores));
