// GET /api/departments/[code]?year=&month= — one department's indicators, status counts, overdue figures and rank.
import { optionalInt, withActor } from '@/lib/server-http/handler';
import { getDepartmentView } from '@/lib/services/dashboards/department';

export const dynamic = 'force-dynamic';

export const GET = withActor<{ code: string }>(async ({ req, actor, params }) =>
  getDepartmentView(actor, params.code, {
    year: optionalInt(req, 'year', '年份'),
    month: optionalInt(req, 'month', '月份'),
  }),
);
