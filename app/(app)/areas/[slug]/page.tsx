import type { Metadata } from 'next';
import { Prefetched } from '@/components/query/prefetched';
import { periodPageInput } from '@/app/(app)/_page/server-page';
import { orNotFound } from '@/lib/session/page-guard';
import { areaQuery } from '@/lib/client-api/dashboard-queries';
import { WORK_AREAS } from '@/lib/domain/types';
import { getAreaView } from '@/lib/services/dashboards/area';
import type { SearchPageProps } from '@/lib/validation/period';
import { AreaPageView } from './area-page-view';

export const dynamic = 'force-dynamic';

type Props = SearchPageProps & { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  return { title: WORK_AREAS.find((a) => a.slug === slug)?.name ?? '工作领域' };
}

export default async function AreaPage({ params, searchParams }: Props) {
  const { user, query, notice } = await periodPageInput(searchParams);
  const { slug } = await params;
  const data = await orNotFound(getAreaView(user, slug, query));
  return (
    <Prefetched queries={[{ queryKey: areaQuery(slug, query).queryKey, data }]}>
      <AreaPageView slug={slug} params={query} notice={notice} />
    </Prefetched>
  );
}
