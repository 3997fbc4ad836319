/** Display helpers of the audit page (client side): Shanghai time, role names. */
import { ROLE_LABELS, ROLES, type Role } from '@/lib/domain/types';
import { shanghaiTime } from '@/lib/export/cells';

export function showTime(iso: string): string {
  return shanghaiTime(new Date(iso)) ?? '—';
}

export function showRole(role: string | null): string {
  if (!role) return '—';
  if (role === 'system') return '系统';
  return (ROLES as readonly string[]).includes(role) ? ROLE_LABELS[role as Role] : role;
}

export const ROLE_CHOICES: { value: string; label: string }[] = [
  ...ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] })),
  { value: 'system', label: '系统' },
];
