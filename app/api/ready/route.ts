// GET /api/ready — 200 when the database answers and its migrations are current, 503 otherwise; says whether the
// app's database login is restricted or owner-level (for operators and orchestrators). Public.
import { NextResponse } from 'next/server';
import { checkReadiness } from '@/lib/services/platform/readiness';

export const dynamic = 'force-dynamic';

export async function GET() {
  const readiness = await checkReadiness();
  return NextResponse.json(readiness, {
    status: readiness.ready ? 200 : 503,
    headers: { 'Cache-Control': 'no-store' },
  });
}
