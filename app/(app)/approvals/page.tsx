import type { Metadata } from 'next';
import { permissionPage } from '@/app/(app)/_page/server-page';
import { approvalsQuery } from '@/lib/client-api/queries';
import { getApprovalQueue } from '@/lib/services/reporting/entry-sheet';
import { ApprovalList } from './approval-list';

export const metadata: Metadata = { title: '数据审核' };
export const dynamic = 'force-dynamic';

export default async function ApprovalsPage() {
  return permissionPage('actual.review', { what: '数据审核页面（仅审核员）' }, (user) => ({
    queries: [{ ...approvalsQuery(), queryFn: async () => ({ items: await getApprovalQueue(user) }) }],
    view: <ApprovalList />,
  }));
}
