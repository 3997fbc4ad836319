// GET /api/units/[code]?year=&month= — one unit's tracked indicators against its own targets, and its rank.
import { optionalInt, withActor } from '@/lib/server-http/handler';
import { getUnitView } from '@/lib/services/units/view';

export const dynamic = 'force-dynamic';

export const GET = withActor<{ code: string }>(async ({ req, actor, params }) =>
  getUnitView(actor, params.code, { year: optionalInt(req, 'year', '年份'), month: optionalInt(req, 'month', '月份') }),
);
