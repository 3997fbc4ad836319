import Link from 'next/link';

/** Says, wherever sample figures show, that they are sample data (示例数据) and where the real ones are. */
export function SampleBanner({ realYearHref = '?year=2025' }: { realYearHref?: string }) {
  return (
    <p className="rounded border border-sky-200 bg-sky-50 px-3 py-2 text-sm text-sky-900">
      本期为<strong>示例数据</strong>：由 2025 年报告数推算生成，仅用于演示，非真实统计数据。2025 年政府工作报告数据见
      <Link className="ml-1 underline" href={realYearHref}>
        2025 年
      </Link>
      。
    </p>
  );
}
