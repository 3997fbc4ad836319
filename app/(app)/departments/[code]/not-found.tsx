import { NotFoundNotice } from '@/components/ui/not-found-notice';

export default function DepartmentNotFound() {
  return <NotFoundNotice title="未找到该责任单位" message="地址中的单位代码不存在。请从总览的责任单位排名进入。" />;
}
