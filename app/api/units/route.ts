// GET /api/units?year=&month= — every county/district/zone: status counts, completion against its own targets, ranking.
import { optionalInt, withActor } from '@/lib/server-http/handler';
import { getUnitsOverview } from '@/lib/services/units/view';

export const dynamic = 'force-dynamic';

export const GET = withActor(async ({ req, actor }) =>
  getUnitsOverview(actor, { year: optionalInt(req, 'year', '年份'), month: optionalInt(req, 'month', '月份') }),
);
