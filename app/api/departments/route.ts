// GET /api/departments?year=&month= — every department ranked by share of indicators on track, with status counts.
import { optionalInt, withActor } from '@/lib/server-http/handler';
import { listDepartmentStanding } from '@/lib/services/dashboards/department';

export const dynamic = 'force-dynamic';

export const GET = withActor(async ({ req, actor }) =>
  listDepartmentStanding(actor, { year: optionalInt(req, 'year', '年份'), month: optionalInt(req, 'month', '月份') }),
);
