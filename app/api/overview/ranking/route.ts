// GET /api/overview/ranking?year=&month= — every department of the overview's ranking (the overview lists the first
// and last; this answers its 展开全部).
import { optionalInt, withActor } from '@/lib/server-http/handler';
import { getOverviewRanking } from '@/lib/services/dashboards/dashboard';

export const dynamic = 'force-dynamic';

export const GET = withActor(async ({ req, actor }) =>
  getOverviewRanking(actor, { year: optionalInt(req, 'year', '年份'), month: optionalInt(req, 'month', '月份') }),
);
