// GET /api/indicators/[code]/units?year=&month= — the indicator's by-unit table and its roll-up to the city.
import { optionalInt, withActor } from '@/lib/server-http/handler';
import { getIndicatorUnits } from '@/lib/services/units/view';

export const dynamic = 'force-dynamic';

export const GET = withActor<{ code: string }>(async ({ req, actor, params }) =>
  getIndicatorUnits(actor, params.code, {
    year: optionalInt(req, 'year', '年份'),
    month: optionalInt(req, 'month', '月份'),
  }),
);
