// GET /api/admin/indicators — the indicator catalog (with each indicator's use) and the departments to assign; POST — create one: 201.
import { NextResponse } from 'next/server';
import { withActor } from '@/lib/server-http/handler';
import { readJsonObject } from '@/lib/server-http/json-body';
import { createIndicator, getCatalogPage } from '@/lib/services/admin/catalog';

export const dynamic = 'force-dynamic';

export const GET = withActor(async ({ actor }) => getCatalogPage(actor));

export const POST = withActor(async ({ req, actor }) => {
  const created = await createIndicator(actor, await readJsonObject(req));
  return NextResponse.json(created, { status: 201, headers: { 'Cache-Control': 'no-store' } });
});
