// GET /api/admin/departments — every department, for the admin pages. POST — create one: 201.
import { NextResponse } from 'next/server';
import { requireAnyPermission } from '@/lib/auth/require-permission';
import { withActor } from '@/lib/server-http/handler';
import { readJsonObject } from '@/lib/server-http/json-body';
import { createDepartment, listDepartments } from '@/lib/services/admin/departments';

export const dynamic = 'force-dynamic';

export const GET = withActor(async ({ actor }) => {
  // Every signed-in user may list departments (forms, filters); this admin route is for the system
  // administrator (the departments page) and the security administrator (the department of a user).
  requireAnyPermission(actor, 'department.manage', 'user.manage');
  return listDepartments(actor);
});

export const POST = withActor(async ({ req, actor }) => {
  const created = await createDepartment(actor, await readJsonObject(req));
  return NextResponse.json(created, { status: 201, headers: { 'Cache-Control': 'no-store' } });
});
