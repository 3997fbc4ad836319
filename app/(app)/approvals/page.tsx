import type { Metadata } from 'next';
import { Prefetched } from '@/components/query/prefetched';
import { Forbidden } from '@/components/ui/forbidden';
import { approvalsQuery } from '@/lib/client-api/queries';
import { requirePagePermission } from '@/lib/session/page-guard';
import { getApprovalQueue } from '@/lib/services/reporting/entry-sheet';
import { ApprovalList } from './approval-list';

export const metadata: Metadata = { title: '数据审核' };
export const dynamic = 'force-dynamic';

export default async function ApprovalsPage() {
  const { user, allowed } = await requirePagePermission('actual.review');
  if (!allowed) return <Forbidden what="数据审核页面（仅审核员）" />;
  return (
    <Prefetched
      queries={[
        {
          ...approvalsQuery(),
          queryFn: async () => ({ items: await getApprovalQueue(user) }),
        },
      ]}
    >
      <ApprovalList />
    </Prefetched>
  );
}
