// POST /api/actuals/[id]/approve|return|reopen — review a submitted figure, or reopen an approved one.
import { AppError } from '@/lib/errors';
import { readJsonBody } from '@/lib/server-http/body';
import { withActor } from '@/lib/server-http/handler';
import { approveActual, reopenActual, returnActual } from '@/lib/services/reporting/actual-review';

export const dynamic = 'force-dynamic';

const ACTIONS = { approve: approveActual, return: returnActual, reopen: reopenActual } as const;

export const POST = withActor<{ id: string; action: string }>(async ({ req, actor, params }) => {
  const run = Object.hasOwn(ACTIONS, params.action) ? ACTIONS[params.action as keyof typeof ACTIONS] : null;
  if (!run) throw new AppError('not_found', '不支持的操作');
  const saved = await run(actor, params.id, await readJsonBody(req));
  return { actual: { id: saved.id, status: saved.status, version: saved.version } };
});
