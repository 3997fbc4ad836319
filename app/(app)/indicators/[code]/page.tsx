import type { Metadata } from 'next';
import { Prefetched } from '@/components/query/prefetched';
import { periodPageInput } from '@/app/(app)/_page/server-page';
import { orNotFound } from '@/lib/session/page-guard';
import { indicatorQuery } from '@/lib/client-api/dashboard-queries';
import { getIndicatorDetail } from '@/lib/services/dashboards/indicator';
import { getIndicatorUnits } from '@/lib/services/units/view';
import type { SearchPageProps } from '@/lib/validation/period';
import { IndicatorView } from './indicator-view';
import { UnitsSection } from './units-section';

export const dynamic = 'force-dynamic';

type Props = SearchPageProps & { params: Promise<{ code: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { code } = await params;
  return { title: `指标 ${code.slice(0, 64)}` };
}

export default async function IndicatorPage({ params, searchParams }: Props) {
  const { user, query, notice } = await periodPageInput(searchParams);
  const { code } = await params;
  const data = await orNotFound(getIndicatorDetail(user, code, query));
  // Tracked by unit: the by-unit table and the roll-up beside the city figure (the same period as the page).
  const byUnit = await getIndicatorUnits(user, code, { year: data.period.year, month: data.period.month });
  return (
    <Prefetched queries={[{ queryKey: indicatorQuery(code, query).queryKey, data }]}>
      <IndicatorView code={code} params={query} notice={notice} />
      {byUnit.tracked ? (
        <div className="mt-5">
          <UnitsSection data={byUnit} />
        </div>
      ) : null}
    </Prefetched>
  );
}
