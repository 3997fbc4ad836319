import type { Permission } from '@/lib/auth/permissions';

export interface NavItem {
  href: string;
  label: string;
  permission: Permission;
}

/** The main navigation; each link shows only to roles that may open it. */
export const NAV_ITEMS: NavItem[] = [
  { href: '/', label: '总览', permission: 'dashboard.view' },
];
