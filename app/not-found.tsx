import { NotFoundNotice } from '@/components/ui/not-found-notice';

/** An address no page answers (and any page's notFound() without a page of its own): in Chinese, with a way back. */
export default function NotFound() {
  return (
    <main className="mx-auto max-w-7xl px-4 py-6">
      <NotFoundNotice title="页面不存在" message="地址有误，或该页面已不再提供。请从总览进入。" />
    </main>
  );
}
