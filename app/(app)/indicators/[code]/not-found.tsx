import Link from 'next/link';

export default function IndicatorNotFound() {
  return (
    <div className="rounded-lg border border-gray-200 bg-white p-6">
      <h1 className="text-lg font-semibold">未找到该指标</h1>
      <p className="mt-2 text-sm text-gray-600">地址中的指标编码不存在或已停用。请从总览或工作领域进入。</p>
      <Link href="/" className="mt-3 inline-block text-sm text-red-800 hover:underline">
        返回总览
      </Link>
    </div>
  );
}
