// GET /api/entry?year=&month= — the official's figures due for a period, with target, expected and last figure.
import { optionalInt, withActor } from '@/lib/server-http/handler';
import { getEntrySheet } from '@/lib/services/reporting/entry-sheet';

export const dynamic = 'force-dynamic';

export const GET = withActor(async ({ req, actor }) =>
  getEntrySheet(actor, { year: optionalInt(req, 'year', '年份'), month: optionalInt(req, 'month', '月份') }),
);
