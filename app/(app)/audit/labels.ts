/** Display helpers of the audit page (client side): Shanghai time, role names. */
import { actorRoleLabel, SYSTEM_ACTOR_LABEL } from '@/lib/domain/labels';
import { ROLE_LABELS, ROLES } from '@/lib/domain/types';
import { shanghaiTime } from '@/lib/export/cells';

export function showTime(iso: string): string {
  return shanghaiTime(new Date(iso)) ?? '—';
}

export function showRole(role: string | null): string {
  if (!role) return '—';
  return actorRoleLabel(role);
}

export const ROLE_CHOICES: { value: string; label: string }[] = [
  ...ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] })),
  { value: 'system', label: SYSTEM_ACTOR_LABEL },
];
