import type { ComponentProps, ReactNode } from 'react';
import { SampleBanner } from '@/components/kpi/sample-banner';
import { SampleBadge } from '@/components/kpi/status-badge';
import { PeriodSelect } from '@/components/layout/period-select';
import { Notice } from '@/components/ui/notice';
import { PageHeader } from '@/components/ui/page-header';

/**
 * The head of every page that shows one reporting period: crumbs and title, the period (or the page's own badges)
 * and the 示例数据 badge, the period picker, the notice about a wrong ?year=/?month=, and — on the sample year —
 * the banner linking to the same page for the report's real year.
 */
export function PeriodPageHeader({
  crumbs,
  title,
  subtitle,
  badges,
  data: { period, years, isSample: dataIsSample },
  isSample = dataIsSample ?? false,
  notice,
  path,
  children,
}: {
  crumbs?: ComponentProps<typeof PageHeader>['crumbs'];
  title: ReactNode;
  subtitle?: ReactNode;
  /** Shown before the sample badge; by default the period as "2026年3月"; `false` where the title says it. */
  badges?: ReactNode;
  /** The page's data as the dashboard services return it: the period shown, the years to pick from, 示例数据. */
  data: {
    period: { year: number; month: number };
    years: ComponentProps<typeof PeriodSelect>['years'];
    isSample?: boolean;
  };
  /** Where 示例数据 is a property of the one thing shown (an indicator, a unit) rather than of `data`. */
  isSample?: boolean;
  notice?: string;
  /** This page's path, for the banner's link to the real year. */
  path: string;
  /** What sits right under the title (e.g. the areas' tabs), above the notice and the banner. */
  children?: ReactNode;
}) {
  return (
    <>
      <PageHeader
        crumbs={crumbs}
        title={title}
        subtitle={subtitle}
        badges={
          <>
            {badges ?? (
              <span className="text-sm text-gray-600">
                {period.year}年{period.month}月
              </span>
            )}
            {isSample ? <SampleBadge /> : null}
          </>
        }
        controls={<PeriodSelect year={period.year} month={period.month} years={years} />}
      />
      {children}
      {notice ? (
        <Notice tone="warning" role="status">
          {notice}
        </Notice>
      ) : null}
      {isSample ? <SampleBanner realYearHref={`${path}?year=2025`} /> : null}
    </>
  );
}
