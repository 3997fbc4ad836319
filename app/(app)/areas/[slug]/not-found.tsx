import { NotFoundNotice } from '@/components/ui/not-found-notice';

export default function AreaNotFound() {
  return <NotFoundNotice title="未找到该工作领域" message="地址中的工作领域不存在。请从总览进入七个主抓手之一。" />;
}
