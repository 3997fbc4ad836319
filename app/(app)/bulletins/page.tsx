import type { Metadata } from 'next';
import { Prefetched } from '@/components/query/prefetched';
import { Forbidden } from '@/components/ui/forbidden';
import { requirePagePermission } from '@/lib/session/page-guard';
import { bulletinsQuery } from '@/lib/client-api/bulletins';
import { listBulletins } from '@/lib/services/bulletins/bulletins';
import { BulletinsView } from './bulletins-view';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: '通报' };

export default async function BulletinsPage() {
  const { user, allowed } = await requirePagePermission('bulletin.generate');
  if (!allowed) return <Forbidden what="「通报」" />;
  return (
    <Prefetched queries={[{ ...bulletinsQuery(), queryFn: () => listBulletins(user) }]}>
      <BulletinsView />
    </Prefetched>
  );
}
