// GET /api/admin/targets?year= — every indicator with its target of the year; PUT — create or change one target (with version; a reason once the year has begun).
import { optionalInt, withActor } from '@/lib/server-http/handler';
import { readJsonObject } from '@/lib/server-http/json-body';
import { currentPeriod } from '@/lib/domain/period';
import { listTargets, upsertTarget } from '@/lib/services/admin/targets';

export const dynamic = 'force-dynamic';

export const GET = withActor(async ({ req, actor }) =>
  listTargets(actor, { year: optionalInt(req, 'year', '年份') ?? currentPeriod(new Date()).year }),
);

export const PUT = withActor(async ({ req, actor }) => upsertTarget(actor, await readJsonObject(req)));
