// POST /api/admin/reminders/[id]/retry — "retry now": a failed message queued again with a fresh round of attempts (audited).
import { withActor } from '@/lib/server-http/handler';
import { pathId } from '@/lib/server-http/json-body';
import { retryReminder } from '@/lib/services/reminders/admin';

export const dynamic = 'force-dynamic';

export const POST = withActor<{ id: string }>(async ({ actor, params }) => retryReminder(actor, pathId(params.id)));
