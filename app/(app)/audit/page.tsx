import { dehydrate, HydrationBoundary, QueryClient } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { Forbidden } from '@/components/ui/forbidden';
import { AUDIT_FILTER_KEYS, AUDIT_PAGE_SIZE, auditListQuery, type AuditFilterParams } from '@/lib/client-api/audit';
import { requirePagePermission } from '@/lib/session/page-guard';
import { can } from '@/lib/domain/permissions';
import { getAuditFilterOptions, listAuditEvents } from '@/lib/services/audit/audit-log';
import { AuditView } from './audit-view';
import type { SearchPageProps } from '@/lib/validation/period';

export const metadata: Metadata = { title: '审计' };
export const dynamic = 'force-dynamic';

export default async function AuditPage({ searchParams }: SearchPageProps) {
  const { user, allowed } = await requirePagePermission('audit.view');
  if (!allowed) return <Forbidden what="「审计」页面" />;
  const raw = await searchParams;
  const filters: AuditFilterParams = {};
  for (const key of AUDIT_FILTER_KEYS) {
    const value = raw[key];
    const text = Array.isArray(value) ? value[0] : value;
    if (text) filters[key] = text.slice(0, 100);
  }
  const queryClient = new QueryClient();
  // Invalid filters are not prefetched: the client asks again and shows the server's message for each field.
  await queryClient.prefetchInfiniteQuery({
    ...auditListQuery(filters),
    queryFn: ({ pageParam }) =>
      listAuditEvents(user, {
        ...filters,
        limit: String(AUDIT_PAGE_SIZE),
        ...(pageParam ? { cursor: pageParam } : {}),
      }),
  });
  const options = await getAuditFilterOptions(user);
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <AuditView
        filters={filters}
        options={options}
        canVerify={can(user, 'audit.verify')}
        canExportAudit={can(user, 'export.audit')}
        canExportRecords={can(user, 'export.records')}
      />
    </HydrationBoundary>
  );
}
