// GET /api/overdue — 催报: overdue and due-soon figures (own department, or the city for leaders and admins).
import { withActor } from '@/lib/server-http/handler';
import { getOverdueList } from '@/lib/services/reporting/entry-sheet';

export const dynamic = 'force-dynamic';

export const GET = withActor(async ({ actor }) => getOverdueList(actor));
