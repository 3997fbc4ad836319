// POST /api/admin/scoring/publish — publish a draft version: compute every department's score from approved figures and keep it as a snapshot.
import { withActor } from '@/lib/server-http/handler';
import { readJsonObject } from '@/lib/server-http/json-body';
import { publishScheme } from '@/lib/services/scoring/scoring';

export const dynamic = 'force-dynamic';

export const POST = withActor(async ({ req, actor }) => publishScheme(actor, await readJsonObject(req)));
