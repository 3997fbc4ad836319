import type { Metadata } from 'next';
import { Prefetched } from '@/components/query/prefetched';
import { notFound } from 'next/navigation';
import { requirePageUser } from '@/lib/session/page-guard';
import { indicatorQuery } from '@/lib/client-api/dashboard-queries';
import { isAppError } from '@/lib/errors';
import { getIndicatorDetail } from '@/lib/services/dashboards/indicator';
import { getIndicatorUnits } from '@/lib/services/units/view';
import { parsePeriodSearch, type SearchPageProps } from '@/lib/validation/period';
import { IndicatorView } from './indicator-view';
import { UnitsSection } from './units-section';

export const dynamic = 'force-dynamic';

type Props = SearchPageProps & { params: Promise<{ code: string }> };

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
  // Tracked by unit: the by-unit table and the roll-up beside the city figure (the same period as the page).
  const byUnit = await getIndicatorUnits(user, code, { year: data.period.year, month: data.period.month });
  return (
    <Prefetched queries={[{ queryKey: indicatorQuery(code, query).queryKey, data }]}>
      <IndicatorView code={code} params={query} notice={period.error} />
      {byUnit.tracked ? (
        <div className="mt-5">
          <UnitsSection data={byUnit} />
        </div>
      ) : null}
    </Prefetched>
  );
}
