// GET /api/admin/reminders?status=queued|sending|sent|failed — the reminder outbox: counts, the latest messages, the channels configured.
import { withActor } from '@/lib/server-http/handler';
import { getRemindersView } from '@/lib/services/reminders/admin';

export const dynamic = 'force-dynamic';

export const GET = withActor(async ({ req, actor }) =>
  getRemindersView(actor, { status: req.nextUrl.searchParams.get('status') ?? undefined }),
);
