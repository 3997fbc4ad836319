import type { Metadata } from 'next';
import { Prefetched } from '@/components/query/prefetched';
import { Forbidden } from '@/components/ui/forbidden';
import { requirePagePermission } from '@/lib/session/page-guard';
import { entryQuery, overdueQuery } from '@/lib/client-api/queries';
import { getEntrySheet, getOverdueList } from '@/lib/services/reporting/entry-sheet';
import { parsePeriodSearch, type SearchPageProps } from '@/lib/validation/period';
import { EntrySheetView } from './entry-sheet';

export const metadata: Metadata = { title: '数据填报' };
export const dynamic = 'force-dynamic';

export default async function EntryPage({ searchParams }: SearchPageProps) {
  const { user, allowed } = await requirePagePermission('actual.enter');
  if (!allowed) return <Forbidden what="数据填报页面（仅填报员）" />;
  const period = parsePeriodSearch(await searchParams);
  const params = period.year && period.month ? { year: period.year, month: period.month } : {};
  return (
    <Prefetched
      queries={[
        { ...entryQuery(params), queryFn: () => getEntrySheet(user, params) },
        { ...overdueQuery(), queryFn: () => getOverdueList(user) },
      ]}
    >
      <EntrySheetView params={params} notice={period.error} />
    </Prefetched>
  );
}
