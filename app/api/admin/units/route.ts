// GET /api/admin/units — every unit (县区). POST — add one ({ code, name, kind, sortOrder? }): 201.
import { NextResponse } from 'next/server';
import { requirePermission } from '@/lib/auth/require-permission';
import { withActor } from '@/lib/server-http/handler';
import { readJsonObject } from '@/lib/server-http/json-body';
import { createUnit, listUnits } from '@/lib/services/units/units';

export const dynamic = 'force-dynamic';

export const GET = withActor(async ({ actor }) => {
  requirePermission(actor, 'department.manage');
  return listUnits(actor);
});

export const POST = withActor(async ({ req, actor }) => {
  const created = await createUnit(actor, await readJsonObject(req));
  return NextResponse.json(created, { status: 201, headers: { 'Cache-Control': 'no-store' } });
});
