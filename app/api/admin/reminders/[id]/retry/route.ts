// POST /api/admin/reminders/[id]/retry — "retry now": a failed message queued again with a fresh round of attempts (audited).
import { withActor } from '@/lib/http/handler';
import { pathId } from '@/lib/http/json-body';
import { retryReminder } from '@/lib/services/reminder-admin';

export const dynamic = 'force-dynamic';

export const POST = withActor<{ id: string }>(async ({ actor, params }) => retryReminder(actor, pathId(params.id)));
