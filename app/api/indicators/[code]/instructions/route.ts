// POST /api/indicators/[code]/instructions — a leader writes a 批示 on the indicator ({ body }); 201 with the instruction.
import { NextResponse } from 'next/server';
import { readJsonBody } from '@/lib/server-http/body';
import { withActor } from '@/lib/server-http/handler';
import { createInstruction } from '@/lib/services/reporting/instructions';

export const dynamic = 'force-dynamic';

export const POST = withActor<{ code: string }>(async ({ req, actor, params }) => {
  const created = await createInstruction(actor, params.code, await readJsonBody(req));
  return NextResponse.json(created, { status: 201, headers: { 'Cache-Control': 'no-store' } });
});
