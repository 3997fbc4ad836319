import type { Role } from './types';

/** Who is acting: a signed-in user, or the system itself (seed, migrations, scheduled jobs). */
export interface Actor {
  id: number | null;
  username: string;
  role: Role | 'system';
  departmentId: number | null;
  /** The county/district/zone a unit official or reviewer works for (null or absent: the city's own). */
  unitId?: number | null;
  /** The client's address, recorded in the audit log. */
  clientAddress?: string | null;
}

export const SYSTEM_ACTOR: Actor = { id: null, username: 'system', role: 'system', departmentId: null };
