'use client';
import Link from '@/components/ui/link';

/**
 * What a page shows when the thing its address names does not exist: what was not found, where to go instead. Drawn
 * in the browser's code, so that every page, which carries its not-found view for the browser, carries a reference
 * to it rather than its rendered tree.
 */
export function NotFoundNotice({ title, message }: { title: string; message: string }) {
  return (
    <div className="rounded-lg border border-gray-200 bg-white p-6">
      <h1 className="text-lg font-semibold">{title}</h1>
      <p className="mt-2 text-sm text-gray-600">{message}</p>
      <Link href="/" className="mt-3 inline-block text-sm text-red-800 hover:underline">
        返回总览
      </Link>
    </div>
  );
}
