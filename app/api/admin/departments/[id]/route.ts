// PATCH /api/admin/departments/[id] — rename, or (de)activate ({ name?, shortName?, isActive? }).
import { withActor } from '@/lib/server-http/handler';
import { pathId, readJsonObject } from '@/lib/server-http/json-body';
import { updateDepartment } from '@/lib/services/admin/departments';

export const dynamic = 'force-dynamic';

export const PATCH = withActor<{ id: string }>(async ({ req, actor, params }) =>
  updateDepartment(actor, pathId(params.id), await readJsonObject(req)),
);
