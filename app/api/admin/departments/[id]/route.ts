// PATCH /api/admin/departments/[id] — rename, or (de)activate ({ name?, shortName?, isActive? }).
import { withActor } from '@/lib/http/handler';
import { pathId, readJsonObject } from '@/lib/http/json-body';
import { updateDepartment } from '@/lib/services/departments';

export const dynamic = 'force-dynamic';

export const PATCH = withActor<{ id: string }>(async ({ req, actor, params }) =>
  updateDepartment(actor, pathId(params.id), await readJsonObject(req)),
);
