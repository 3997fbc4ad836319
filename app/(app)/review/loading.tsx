import { PageSkeleton } from '@/components/kpi/states';

export default function Loading() {
  return <PageSkeleton tiles={0} blocks={3} />;
}
