// GET /api/indicators/[code]?year=&month= — one indicator: snapshot, trend, figures with history, targets, 批示 and answers.
import { optionalInt, withActor } from '@/lib/server-http/handler';
import { getIndicatorDetail } from '@/lib/services/dashboards/indicator';

export const dynamic = 'force-dynamic';

export const GET = withActor<{ code: string }>(async ({ req, actor, params }) =>
  getIndicatorDetail(actor, params.code, {
    year: optionalInt(req, 'year', '年份'),
    month: optionalInt(req, 'month', '月份'),
  }),
);
