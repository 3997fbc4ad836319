import { dehydrate, HydrationBoundary, QueryClient } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { requirePageUser } from '@/lib/session/page-guard';
import { indicatorQuery } from '@/lib/client-api/dashboard-queries';
import { isAppError } from '@/lib/errors';
import { getIndicatorDetail } from '@/lib/services/dashboards/indicator';
import { parsePeriodSearch } from '@/lib/validation/period';
import { IndicatorView } from './indicator-view';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ code: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { code } = await params;
  return { title: `指标 ${code.slice(0, 64)}` };
}

export default async function IndicatorPage({ params, searchParams }: Props) {
  const user = await requirePageUser();
  const { code } = await params;
  const period = parsePeriodSearch(await searchParams);
  const query = { year: period.year, month: period.month };
  const data = await getIndicatorDetail(user, code, query).catch((error: unknown) => {
    if (isAppError(error) && error.code === 'not_found') notFound();
    throw error;
  });
  const queryClient = new QueryClient();
  queryClient.setQueryData(indicatorQuery(code, query).queryKey, data);
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <IndicatorView code={code} params={query} notice={period.error} />
    </HydrationBoundary>
  );
}
