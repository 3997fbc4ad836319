// PATCH /api/admin/units/[code] — rename, re-kind, re-order or (de)activate a unit ({ name?, kind?, sortOrder?, isActive? }).
import { withActor } from '@/lib/server-http/handler';
import { readJsonObject } from '@/lib/server-http/json-body';
import { updateUnit } from '@/lib/services/units/units';

export const dynamic = 'force-dynamic';

export const PATCH = withActor<{ code: string }>(async ({ req, actor, params }) =>
  updateUnit(actor, params.code, await readJsonObject(req)),
);
