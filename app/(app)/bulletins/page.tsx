import type { Metadata } from 'next';
import { permissionPage } from '@/app/(app)/_page/server-page';
import { bulletinsQuery } from '@/lib/client-api/bulletins';
import { listBulletins } from '@/lib/services/bulletins/bulletins';
import { BulletinsView } from './bulletins-view';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: '通报' };

export default async function BulletinsPage() {
  return permissionPage('bulletin.generate', { what: '「通报」' }, (user) => ({
    queries: [{ ...bulletinsQuery(), queryFn: () => listBulletins(user) }],
    view: <BulletinsView />,
  }));
}
