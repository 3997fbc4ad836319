'use client';
import { ErrorState } from '@/components/kpi/states';

export default function AreaError({ retry }: { error: unknown; retry: () => void }) {
  return <ErrorState message="工作领域数据暂时无法加载" onRetry={retry} />;
}
