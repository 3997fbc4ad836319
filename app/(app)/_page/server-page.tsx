import type { ComponentProps, ReactNode } from 'react';
import { Forbidden } from '@/components/ui/forbidden';
import type { Permission } from '@/lib/domain/permissions';
import { requirePagePermission, requirePageUser } from '@/lib/session/page-guard';
import type { SessionUser } from '@/lib/session/session';
import { parsePeriodSearch, type SearchParams } from '@/lib/validation/period';
import { Prefetched, type PagePrefetch } from '@/components/query/prefetched';

/** What a page hands to the browser: its queries (run here, see Prefetched) and the view that reads them. */
export type PrefetchedView = { queries: readonly PagePrefetch[]; view: ReactNode };

/**
 * The server half of a page only some roles open: 无权限 (the `forbidden` wording) for a signed-in user whose role
 * lacks `permission`; for the others, `page` says what to prefetch and which view to render with it. The permission
 * is checked before `page` runs, so a refused reader's search parameters are never read and no service is asked.
 */
export async function permissionPage(
  permission: Permission,
  forbidden: ComponentProps<typeof Forbidden>,
  page: (user: SessionUser) => PrefetchedView | Promise<PrefetchedView>,
): Promise<ReactNode> {
  const { user, allowed } = await requirePagePermission(permission);
  if (!allowed) return <Forbidden {...forbidden} />;
  const { queries, view } = await page(user);
  return <Prefetched queries={queries}>{view}</Prefetched>;
}

/**
 * The opening of a dashboard page any signed-in user opens: who reads it and the period its ?year=&month= asks
 * for (`query`, absent parts meaning the latest), with the notice to show when that was not a valid period.
 */
export async function periodPageInput(searchParams: Promise<SearchParams>) {
  const user = await requirePageUser();
  const period = parsePeriodSearch(await searchParams);
  return { user, query: { year: period.year, month: period.month }, notice: period.error };
}
