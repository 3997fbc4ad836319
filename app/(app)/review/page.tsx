import { dehydrate, HydrationBoundary, QueryClient } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { requirePageUser } from '@/lib/session/page-guard';
import { reviewQuery } from '@/lib/client-api/dashboard-queries';
import { getReview } from '@/lib/services/dashboards/review';
import { ReviewView } from './review-view';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: '十四五回顾' };

export default async function ReviewPage() {
  const user = await requirePageUser();
  const queryClient = new QueryClient();
  await queryClient.prefetchQuery({ ...reviewQuery(), queryFn: () => getReview(user) });
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <ReviewView />
    </HydrationBoundary>
  );
}
