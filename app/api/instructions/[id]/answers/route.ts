// POST /api/instructions/[id]/answers — the owning department answers a 批示 ({ body }); 201 with the answer.
import { NextResponse } from 'next/server';
import { readJsonBody } from '@/lib/server-http/body';
import { withActor } from '@/lib/server-http/handler';
import { answerInstruction } from '@/lib/services/reporting/instructions';

export const dynamic = 'force-dynamic';

export const POST = withActor<{ id: string }>(async ({ req, actor, params }) => {
  const created = await answerInstruction(actor, params.id, await readJsonBody(req));
  return NextResponse.json(created, { status: 201, headers: { 'Cache-Control': 'no-store' } });
});
