import Link from '@/components/ui/link';
import { Notice } from '@/components/ui/notice';

/** Says, wherever sample figures show, that they are sample data (示例数据) and where the real ones are. */
export function SampleBanner({ realYearHref = '?year=2025' }: { realYearHref?: string }) {
  return (
    <Notice tone="info">
      本期为<strong>示例数据</strong>：由 2025 年报告数推算生成，仅用于演示，非真实统计数据。2025 年政府工作报告数据见
      <Link className="ml-1 underline" href={realYearHref}>
        2025 年
      </Link>
      。
    </Notice>
  );
}
