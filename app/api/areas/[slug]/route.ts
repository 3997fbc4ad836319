// GET /api/areas/[slug]?year=&month= — one work area: every indicator with actual, target, expected, status, YoY, department.
import { optionalInt, withActor } from '@/lib/server-http/handler';
import { getAreaView } from '@/lib/services/dashboards/area';

export const dynamic = 'force-dynamic';

export const GET = withActor<{ slug: string }>(async ({ req, actor, params }) =>
  getAreaView(actor, params.slug, { year: optionalInt(req, 'year', '年份'), month: optionalInt(req, 'month', '月份') }),
);
