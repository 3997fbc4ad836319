// GET /api/audit/verify — walk the chain: OK with count and head hash, or the first event that does not match.
// POST /api/audit/verify (body: a checkpoint JSON file) — the same, and compared with that checkpoint.
import { readJsonBody } from '@/lib/server-http/body';
import { withActor } from '@/lib/server-http/handler';
import { verifyAuditChain } from '@/lib/services/audit/audit-log';

export const dynamic = 'force-dynamic';

export const GET = withActor(async ({ actor }) => verifyAuditChain(actor));

export const POST = withActor(async ({ req, actor }) =>
  verifyAuditChain(actor, { checkpoint: await readJsonBody(req, 8 * 1024) }),
);
