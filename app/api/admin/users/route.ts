// GET /api/admin/users — every user (no secrets). POST — create a user with a one-time password: 201 { id, username, password } (shown once).
import { NextResponse } from 'next/server';
import { withActor } from '@/lib/server-http/handler';
import { readJsonObject } from '@/lib/server-http/json-body';
import { createUserWithOneTimePassword, listUsers, toUserListItem } from '@/lib/services/admin/users';

export const dynamic = 'force-dynamic';

export const GET = withActor(async ({ actor }) => (await listUsers(actor)).map(toUserListItem));

export const POST = withActor(async ({ req, actor }) => {
  const created = await createUserWithOneTimePassword(actor, await readJsonObject(req));
  return NextResponse.json(created, { status: 201, headers: { 'Cache-Control': 'no-store' } });
});
