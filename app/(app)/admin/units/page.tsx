import type { Metadata } from 'next';
import { Forbidden } from '@/components/ui/forbidden';
import { requirePagePermission } from '@/lib/session/page-guard';
import { listUnits } from '@/lib/services/units/units';
import { UnitsAdmin } from './units-admin';

export const metadata: Metadata = { title: '县区管理' };
export const dynamic = 'force-dynamic';

export default async function AdminUnitsPage() {
  const { user, allowed } = await requirePagePermission('department.manage');
  if (!allowed) return <Forbidden what="「县区管理」" />;
  return <UnitsAdmin units={await listUnits(user)} />;
}
