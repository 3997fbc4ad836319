import type { Permission } from '@/lib/domain/permissions';

export interface NavItem {
  href: string;
  label: string;
  permission: Permission;
}

/** The main navigation; each link shows only to roles that may open it. */
export const NAV_ITEMS: NavItem[] = [
  { href: '/', label: '总览', permission: 'dashboard.view' },
  { href: '/review', label: '十四五回顾', permission: 'dashboard.view' },
  { href: '/plans/fyp-15', label: '十五五规划', permission: 'dashboard.view' },
  { href: '/scores', label: '考核得分', permission: 'score.view' },
  { href: '/departments', label: '责任单位', permission: 'department.view-all' },
  { href: '/units', label: '县区', permission: 'dashboard.view' },
  { href: '/screen', label: '驾驶舱', permission: 'screen.view' },
  { href: '/bulletins', label: '通报', permission: 'bulletin.generate' },
  { href: '/entry', label: '数据填报', permission: 'actual.enter' },
  { href: '/approvals', label: '数据审核', permission: 'actual.review' },
  { href: '/admin/users', label: '用户管理', permission: 'user.manage' },
  { href: '/admin/departments', label: '单位管理', permission: 'department.manage' },
  { href: '/admin/units', label: '县区管理', permission: 'department.manage' },
  { href: '/admin/indicators', label: '指标管理', permission: 'catalog.manage' },
  { href: '/admin/targets', label: '目标管理', permission: 'target.manage' },
  { href: '/admin/scoring', label: '考核方案', permission: 'scoring.manage' },
  { href: '/admin/settings', label: '设置', permission: 'period.lock' },
  { href: '/admin/reminders', label: '催报提醒', permission: 'reminder.manage' },
  { href: '/import', label: '批量导入', permission: 'import.run' },
  { href: '/audit', label: '审计', permission: 'audit.view' },
];
