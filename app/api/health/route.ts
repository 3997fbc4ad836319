// GET /api/health — 200 when the database answers, 503 otherwise (for load balancers and monitors). Public.
import { NextResponse } from 'next/server';
import { checkHealth } from '@/lib/services/platform/health';

export const dynamic = 'force-dynamic';

export async function GET() {
  const health = await checkHealth();
  return NextResponse.json(health, { status: health.ok ? 200 : 503, headers: { 'Cache-Control': 'no-store' } });
}
