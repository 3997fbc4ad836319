// GET /api/admin/scoring?year= — the year's latest 考核 scheme, its versions and the choices; PUT — save the scheme (a draft, or a new version after a publication).
import { optionalInt, withActor } from '@/lib/server-http/handler';
import { readJsonObject } from '@/lib/server-http/json-body';
import { currentPeriod } from '@/lib/domain/period';
import { getScoringAdmin, saveScheme } from '@/lib/services/scoring/scoring';

export const dynamic = 'force-dynamic';

export const GET = withActor(async ({ req, actor }) =>
  getScoringAdmin(actor, { year: optionalInt(req, 'year', '年份') ?? currentPeriod(new Date()).year }),
);

export const PUT = withActor(async ({ req, actor }) => saveScheme(actor, await readJsonObject(req)));
