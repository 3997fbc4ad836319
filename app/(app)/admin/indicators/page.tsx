import { dehydrate, HydrationBoundary, QueryClient } from '@tanstack/react-query';
import type { Metadata } from 'next';
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
  const queryClient = new QueryClient();
  await queryClient.prefetchQuery({ ...catalogQuery(), queryFn: () => getCatalogPage(user) });
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <IndicatorsView />
    </HydrationBoundary>
  );
}
