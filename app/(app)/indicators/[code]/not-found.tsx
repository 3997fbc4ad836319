import { NotFoundNotice } from '@/components/ui/not-found-notice';

export default function IndicatorNotFound() {
  return <NotFoundNotice title="未找到该指标" message="地址中的指标编码不存在或已停用。请从总览或工作领域进入。" />;
}
