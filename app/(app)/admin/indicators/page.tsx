import type { Metadata } from 'next';
import { permissionPage } from '@/app/(app)/_page/server-page';
import { getCatalogPage } from '@/lib/services/admin/catalog';
import { IndicatorsView } from './indicators-view';
import { catalogQuery } from './queries';

export const metadata: Metadata = { title: '指标管理' };
export const dynamic = 'force-dynamic';

export default async function AdminIndicatorsPage() {
  return permissionPage('catalog.manage', { what: '「指标管理」' }, (user) => ({
    queries: [{ ...catalogQuery(), queryFn: () => getCatalogPage(user) }],
    view: <IndicatorsView />,
  }));
}
