import { can } from '@/lib/domain/permissions';
import type { SessionUser } from '@/lib/session/session';
import { actorRoleLabel } from '@/lib/domain/labels';
import { NAV_ITEMS } from './nav-items';
import { HeaderBar } from './header-bar';

/**
 * The header of every signed-in page: the links this reader may open, their name and role. Worked out here, drawn
 * by HeaderBar in the browser's code, so the page carries the links as a short list rather than as a rendered tree.
 */
export function AppHeader({ user }: { user: SessionUser }) {
  const links = NAV_ITEMS.filter((item) => user.role !== 'system' && can(user, item.permission)).map(
    ({ href, label }) => ({ href, label }),
  );
  if (user.departmentId !== null && can(user, 'dashboard.view') && !can(user, 'department.view-all'))
    links.push({ href: '/departments/own', label: '本单位' });
  return <HeaderBar links={links} displayName={user.displayName} roleLabel={actorRoleLabel(user.role)} />;
}
