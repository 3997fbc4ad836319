import type { Metadata } from 'next';
import { Prefetched } from '@/components/query/prefetched';
import { Forbidden } from '@/components/ui/forbidden';
import { requirePagePermission } from '@/lib/session/page-guard';
import { getCatalogPage } from '@/lib/services/admin/catalog';
import { IndicatorsView } from './indicators-view';
import { catalogQuery } from './queries';

export const metadata: Metadata = { title: '指标管理' };
export const dynamic = 'force-dynamic';

export default async function AdminIndicatorsPage() {
  const { user, allowed } = await requirePagePermission('catalog.manage');
  if (!allowed) return <Forbidden what="「指标管理」" />;
  return (
    <Prefetched queries={[{ ...catalogQuery(), queryFn: () => getCatalogPage(user) }]}>
      <IndicatorsView />
    </Prefetched>
  );
}
