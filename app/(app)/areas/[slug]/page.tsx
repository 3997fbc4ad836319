import type { Metadata } from 'next';
import { Prefetched } from '@/components/query/prefetched';
import { notFound } from 'next/navigation';
import { requirePageUser } from '@/lib/session/page-guard';
import { areaQuery } from '@/lib/client-api/dashboard-queries';
import { WORK_AREAS } from '@/lib/domain/types';
import { isAppError } from '@/lib/errors';
import { getAreaView } from '@/lib/services/dashboards/area';
import { parsePeriodSearch, type SearchPageProps } from '@/lib/validation/period';
import { AreaPageView } from './area-page-view';

export const dynamic = 'force-dynamic';

type Props = SearchPageProps & { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  return { title: WORK_AREAS.find((a) => a.slug === slug)?.name ?? '工作领域' };
}

export default async function AreaPage({ params, searchParams }: Props) {
  const user = await requirePageUser();
  const { slug } = await params;
  const period = parsePeriodSearch(await searchParams);
  const query = { year: period.year, month: period.month };
  const data = await getAreaView(user, slug, query).catch((error: unknown) => {
    if (isAppError(error) && error.code === 'not_found') notFound();
    throw error;
  });
  return (
    <Prefetched queries={[{ queryKey: areaQuery(slug, query).queryKey, data }]}>
      <AreaPageView slug={slug} params={query} notice={period.error} />
    </Prefetched>
  );
}
