import Link from 'next/link';

export default function AreaNotFound() {
  return (
    <div className="rounded-lg border border-gray-200 bg-white p-6">
      <h1 className="text-lg font-semibold">未找到该工作领域</h1>
      <p className="mt-2 text-sm text-gray-600">地址中的工作领域不存在。请从总览进入七个主抓手之一。</p>
      <Link href="/" className="mt-3 inline-block text-sm text-red-800 hover:underline">
        返回总览
      </Link>
    </div>
  );
}
