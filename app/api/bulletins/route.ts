// GET /api/bulletins — the generated 通报, newest first (files, SHA-256, links). POST { year, month } — generate one: 201 { id }.
import { NextResponse } from 'next/server';
import { withActor } from '@/lib/server-http/handler';
import { readJsonObject } from '@/lib/server-http/json-body';
import { generateBulletin, listBulletins } from '@/lib/services/bulletins/bulletins';

export const dynamic = 'force-dynamic';

export const GET = withActor(async ({ actor }) => listBulletins(actor));

export const POST = withActor(async ({ req, actor }) => {
  const created = await generateBulletin(actor, await readJsonObject(req));
  return NextResponse.json(created, { status: 201, headers: { 'Cache-Control': 'no-store' } });
});
