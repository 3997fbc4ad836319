import type { Metadata } from 'next';
import { Prefetched } from '@/components/query/prefetched';
import { requirePageUser } from '@/lib/session/page-guard';
import { reviewQuery } from '@/lib/client-api/dashboard-queries';
import { getReview } from '@/lib/services/dashboards/review';
import { ReviewView } from './review-view';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: '十四五回顾' };

export default async function ReviewPage() {
  const user = await requirePageUser();
  return (
    <Prefetched queries={[{ ...reviewQuery(), queryFn: () => getReview(user) }]}>
      <ReviewView />
    </Prefetched>
  );
}
