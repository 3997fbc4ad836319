/**
 * The benchmark city's catalogue (generate.ts): its 60 departments, an official and a reviewer in each who entered
 * and approved the history, and its indicators — the generated ones and the bulk-import fixture's.
 */
import { asc, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { departments, indicators, users } from '@/db/schema';
import { hashPassword } from '@/lib/auth/password';
import type { HistoryUser } from './generate-audit';
import { EXTRA_DEPARTMENTS, type IndicatorPlan } from './generate-plan';

const DEPARTMENT_COUNT = 60;

export async function addDepartments(db: Db): Promise<{ id: number; code: string }[]> {
  const existing = await db.select({ id: departments.id }).from(departments);
  const missing = EXTRA_DEPARTMENTS.slice(0, Math.max(0, DEPARTMENT_COUNT - existing.length));
  if (missing.length) {
    await db.insert(departments).values(
      missing.map((name, i) => ({
        code: `bench-${String(i + 1).padStart(2, '0')}`,
        name,
        shortName: name.replace(/^市/, '').slice(0, 6),
      })),
    );
  }
  return db.select({ id: departments.id, code: departments.code }).from(departments).orderBy(asc(departments.id));
}

/** An official and a reviewer per department, who entered and approved the history (they never sign in). */
export async function addHistoryUsers(
  db: Db,
  depts: { id: number; code: string }[],
): Promise<Map<number, { official: HistoryUser; reviewer: HistoryUser }>> {
  const passwordHash = await hashPassword(`bench-history-${Math.random()}`);
  const roles = [
    { role: 'official', suffix: 'tb', title: '填报员' },
    { role: 'reviewer', suffix: 'sh', title: '审核员' },
  ] as const;
  const values = depts.flatMap((d) =>
    roles.map(({ role, suffix, title }) => ({
      username: `h-${d.code}-${suffix}`,
      displayName: `${d.code} ${title}`,
      role,
      departmentId: d.id,
      passwordHash,
      mustChangePassword: false,
    })),
  );
  const rows = await db
    .insert(users)
    .values(values)
    .returning({ id: users.id, username: users.username, role: users.role, departmentId: users.departmentId });
  const byDepartment = new Map<number, { official: HistoryUser; reviewer: HistoryUser }>();
  depts.forEach((d, i) => {
    const find = (role: 'official' | 'reviewer') => {
      const row = rows.find((r) => r.departmentId === d.id && r.role === role);
      if (!row) throw new Error(`history user missing for ${d.code}`);
      return {
        id: row.id,
        username: row.username,
        role,
        departmentId: d.id,
        clientAddress: `10.20.${i + 1}.${role === 'official' ? 11 : 12}`,
      };
    };
    byDepartment.set(d.id, { official: find('official'), reviewer: find('reviewer') });
  });
  return byDepartment;
}

/** Plans of the fixture's bulk indicators: cumulative counts, like the values its import file carries. */
export async function bulkPlans(db: Db, departmentIndex: number): Promise<{ id: number; plan: IndicatorPlan }[]> {
  const rows = await db
    .select({ id: indicators.id, code: indicators.code })
    .from(indicators)
    .where(sql`${indicators.code} like 'BULK-%'`)
    .orderBy(asc(indicators.id));
  return rows.map((r, i) => ({
    id: r.id,
    plan: {
      index: i,
      code: r.code,
      name: r.code,
      unit: '个',
      kind: 'cumulative',
      direction: 'up',
      areaId: 1,
      departmentIndex,
      base: 100 + (i % 7),
      growth: 0.05,
      decimals: 0,
      milestoneTotal: null,
    },
  }));
}

export async function insertIndicators(db: Db, plans: IndicatorPlan[], deptIds: number[]): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < plans.length; i += 500) {
    const rows = await db
      .insert(indicators)
      .values(
        plans.slice(i, i + 500).map((p) => ({
          code: p.code,
          name: p.name,
          unit: p.unit,
          kind: p.kind,
          direction: p.direction,
          frequency: 'monthly' as const,
          areaId: p.areaId,
          departmentId: deptIds[p.departmentIndex] ?? deptIds[0] ?? 1,
          definition: `${p.name}：按月统计，${p.kind === 'cumulative' || p.kind === 'milestone' ? '1 月起累计' : '当月数值'}（基准测试生成数据）`,
          milestoneTotal: p.milestoneTotal === null ? null : String(p.milestoneTotal),
          sortOrder: 1000 + p.index,
        })),
      )
      .returning({ id: indicators.id });
    ids.push(...rows.map((r) => r.id));
  }
  return ids;
}
