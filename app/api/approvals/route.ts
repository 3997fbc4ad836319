// GET /api/approvals — submitted figures of the reviewer's department awaiting review.
import { withActor } from '@/lib/http/handler';
import { getApprovalQueue } from '@/lib/services/entry-views';

export const dynamic = 'force-dynamic';

export const GET = withActor(async ({ actor }) => ({ items: await getApprovalQueue(actor) }));
