import type { Metadata } from 'next';
import { permissionPage } from '@/app/(app)/_page/server-page';
import { entryQuery, overdueQuery } from '@/lib/client-api/queries';
import { getEntrySheet, getOverdueList } from '@/lib/services/reporting/entry-sheet';
import { parsePeriodSearch, type SearchPageProps } from '@/lib/validation/period';
import { EntrySheetView } from './entry-sheet';

export const metadata: Metadata = { title: '数据填报' };
export const dynamic = 'force-dynamic';

export default async function EntryPage({ searchParams }: SearchPageProps) {
  return permissionPage('actual.enter', { what: '数据填报页面（仅填报员）' }, async (user) => {
    const period = parsePeriodSearch(await searchParams);
    const params = period.year && period.month ? { year: period.year, month: period.month } : {};
    return {
      queries: [
        { ...entryQuery(params), queryFn: () => getEntrySheet(user, params) },
        { ...overdueQuery(), queryFn: () => getOverdueList(user) },
      ],
      view: <EntrySheetView params={params} notice={period.error} />,
    };
  });
}
