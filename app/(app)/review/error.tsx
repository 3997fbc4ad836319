'use client';
import { ErrorState } from '@/components/kpi/states';

export default function ReviewError({ retry }: { error: unknown; retry: () => void }) {
  return <ErrorState message="十四五回顾数据暂时无法加载" onRetry={retry} />;
}
