import type { Metadata } from 'next';
import { permissionPage } from '@/app/(app)/_page/server-page';
import { AUDIT_FILTER_KEYS, AUDIT_PAGE_SIZE, auditListQuery, type AuditFilterParams } from '@/lib/client-api/audit';
import { can } from '@/lib/domain/permissions';
import { getAuditFilterOptions, listAuditEvents } from '@/lib/services/audit/audit-log';
import { AuditView } from './audit-view';
import { searchParam, type SearchPageProps } from '@/lib/validation/period';

export const metadata: Metadata = { title: '审计' };
export const dynamic = 'force-dynamic';

export default async function AuditPage({ searchParams }: SearchPageProps) {
  return permissionPage('audit.view', { what: '「审计」页面' }, async (user) => {
    const raw = await searchParams;
    const filters: AuditFilterParams = {};
    for (const key of AUDIT_FILTER_KEYS) {
      const text = searchParam(raw, key);
      if (text) filters[key] = text.slice(0, 100);
    }
    const { queryKey, initialPageParam } = auditListQuery(filters);
    const options = await getAuditFilterOptions(user);
    // Invalid filters are not prefetched: the client asks again and shows the server's message for each field.
    return {
      queries: [
        {
          queryKey,
          initialPageParam,
          firstPage: () => listAuditEvents(user, { ...filters, limit: String(AUDIT_PAGE_SIZE) }),
        },
      ],
      view: (
        <AuditView
          filters={filters}
          options={options}
          canVerify={can(user, 'audit.verify')}
          canExportAudit={can(user, 'export.audit')}
          canExportRecords={can(user, 'export.records')}
        />
      ),
    };
  });
}
