// GET /api/admin/targets/[code]/units?year= — the indicator's unit targets. PUT — hand the city target down
// ({ year, mode: 'shares', shares: [{ unitCode, value }] } or { year, mode: 'min_each', value }).
import { AppError } from '@/lib/errors';
import { optionalInt, withActor } from '@/lib/server-http/handler';
import { readJsonObject } from '@/lib/server-http/json-body';
import { decomposeTarget, getDecomposition } from '@/lib/services/units/targets';

export const dynamic = 'force-dynamic';

export const GET = withActor<{ code: string }>(async ({ req, actor, params }) => {
  const year = optionalInt(req, 'year', '年份');
  if (year === undefined) throw new AppError('invalid_input', '请指定「年份」', { year: ['请指定「年份」'] });
  return getDecomposition(actor, params.code, year);
});

export const PUT = withActor<{ code: string }>(async ({ req, actor, params }) =>
  decomposeTarget(actor, params.code, await readJsonObject(req)),
);
