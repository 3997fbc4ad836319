// GET /api/approvals — submitted figures of the reviewer's department awaiting review.
import { withActor } from '@/lib/server-http/handler';
import { getApprovalQueue } from '@/lib/services/reporting/entry-sheet';

export const dynamic = 'force-dynamic';

export const GET = withActor(async ({ actor }) => ({ items: await getApprovalQueue(actor) }));
