'use client';
/** Loading skeletons, empty states and error states with a retry, shared by the dashboards. */
import type { ReactNode } from 'react';
import { Button } from '@/components/ui/button';

export function Skeleton({ className = '' }: { className?: string }) {
  return <div aria-hidden className={`animate-pulse rounded-lg bg-gray-200/80 ${className}`} />;
}

/** A page-shaped skeleton: a title bar, a row of tiles and blocks. */
export function PageSkeleton({ tiles = 6, blocks = 2 }: { tiles?: number; blocks?: number }) {
  return (
    <div role="status" aria-live="polite" className="space-y-6">
      <span className="sr-only">正在加载…</span>
      <Skeleton className="h-8 w-64" />
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {Array.from({ length: tiles }, (_, i) => (
          <Skeleton key={i} className="h-32" />
        ))}
      </div>
      {Array.from({ length: blocks }, (_, i) => (
        <Skeleton key={i} className="h-48" />
      ))}
    </div>
  );
}

export function EmptyState({ message = '本期尚无数据', children }: { message?: string; children?: ReactNode }) {
  return (
    <div className="rounded-lg border border-dashed border-gray-300 bg-white px-4 py-8 text-center text-sm text-gray-500">
      <p>{message}</p>
      {children}
    </div>
  );
}

export function ErrorState({ message, onRetry }: { message: string; onRetry?: () => void }) {
  return (
    <div
      role="alert"
      className="flex flex-wrap items-center gap-3 rounded-lg border border-red-200 bg-red-50 p-4 text-sm text-red-800"
    >
      <span>加载失败：{message}</span>
      {onRetry ? (
        <Button onClick={onRetry} variant="danger">
          重试
        </Button>
      ) : null}
    </div>
  );
}
