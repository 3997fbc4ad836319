// PATCH /api/admin/indicators/[code] — edit (with version; unit/kind of an indicator with figures needs a reason); POST — { action: retire|unretire, version }; DELETE — { version }, only an unused indicator.
import { withActor } from '@/lib/server-http/handler';
import { readJsonObject } from '@/lib/server-http/json-body';
import { deleteIndicator, setIndicatorRetired, updateIndicator } from '@/lib/services/admin/catalog';

export const dynamic = 'force-dynamic';

type Params = { code: string };

export const PATCH = withActor<Params>(async ({ req, actor, params }) =>
  updateIndicator(actor, params.code, await readJsonObject(req)),
);
export const POST = withActor<Params>(async ({ req, actor, params }) =>
  setIndicatorRetired(actor, params.code, await readJsonObject(req)),
);
export const DELETE = withActor<Params>(async ({ req, actor, params }) =>
  deleteIndicator(actor, params.code, await readJsonObject(req)),
);
