// GET /api/overview?year=&month= — headline tiles, the seven work areas with status counts, department ranking.
import { optionalInt, withActor } from '@/lib/server-http/handler';
import { getOverview } from '@/lib/services/dashboards/dashboard';

export const dynamic = 'force-dynamic';

export const GET = withActor(async ({ req, actor }) =>
  getOverview(actor, { year: optionalInt(req, 'year', '年份'), month: optionalInt(req, 'month', '月份') }),
);
