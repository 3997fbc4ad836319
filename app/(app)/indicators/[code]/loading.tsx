import { PageSkeleton } from '@/components/kpi/states';

export default function Loading() {
  return <PageSkeleton tiles={3} blocks={2} />;
}
