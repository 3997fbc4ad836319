'use client';
import { Button } from '@/components/ui/button';

export default function ScreenError({ retry }: { error: unknown; retry: () => void }) {
  return (
    <main className="flex min-h-screen items-center justify-center bg-[#0b1220] p-6 text-slate-100">
      <div role="alert" className="rounded-lg border border-amber-500/60 bg-amber-500/10 p-6 text-center">
        <h1 className="text-xl font-semibold">驾驶舱数据暂时无法加载</h1>
        <Button onClick={retry} variant="primary" size="lg" className="mt-4">
          重试
        </Button>
      </div>
    </main>
  );
}
