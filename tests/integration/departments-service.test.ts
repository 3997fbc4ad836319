import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEvents } from '@/db/schema';
import { SYSTEM_ACTOR, type Actor } from '@/lib/domain/actor';
import { forEachEngine } from '@/tests/helpers/test-db';
import { createDepartment, listDepartments, updateDepartment } from '@/lib/services/admin/departments';
import { auditCount } from './admin-fixtures';
import { rejection } from './fixtures/refusals';

const admin: Actor = { id: 1, username: 'admin', role: 'admin', departmentId: null };
const official: Actor = { id: 2, username: 'tianbao', role: 'official', departmentId: 1 };
const leader: Actor = { id: 3, username: 'lingdao', role: 'leader', departmentId: null };

forEachEngine('department services', (ctx) => {
  describe('createDepartment', () => {
    it('creates a department with an audit event', async () => {
      const events0 = await auditCount(ctx.db, 'department.create');
      const created = await createDepartment(
        admin,
        { code: ' FGW ', name: '市发展和改革委员会', shortName: '发改委' },
        { db: ctx.db },
      );
      expect(created).toMatchObject({ code: 'fgw', name: '市发展和改革委员会', shortName: '发改委', isActive: true });
      expect(await auditCount(ctx.db, 'department.create')).toBe(events0 + 1);
    });

    it('refuses a code or a name already used, and writes nothing', async () => {
      const events0 = await auditCount(ctx.db, 'department.create');
      const code = await rejection(
        createDepartment(admin, { code: 'fgw', name: '另一个', shortName: '另' }, { db: ctx.db }),
      );
      expect(code).toMatchObject({ code: 'conflict', message: '单位代码已存在' });
      const name = await rejection(
        createDepartment(admin, { code: 'fgw2', name: '市发展和改革委员会', shortName: '发改' }, { db: ctx.db }),
      );
      expect(name.fieldErrors).toHaveProperty('name');
      expect(await auditCount(ctx.db, 'department.create')).toBe(events0);
    });

    it('returns every field error at once', async () => {
      const error = await rejection(createDepartment(admin, { code: 'A_B', name: '', shortName: 5 }, { db: ctx.db }));
      expect(error.code).toBe('invalid_input');
      expect(Object.keys(error.fieldErrors ?? {}).sort()).toEqual(['code', 'name', 'shortName']);
    });

    it('is refused without user.manage', async () => {
      for (const actor of [official, leader]) {
        const error = await rejection(
          createDepartment(actor, { code: 'x1', name: '越权单位', shortName: '越权' }, { db: ctx.db }),
        );
        expect(error.code).toBe('forbidden');
      }
    });
  });

  describe('updateDepartment and listDepartments', () => {
    it('renames and deactivates with before/after in the audit log; every role can list', async () => {
      const jyj = await createDepartment(
        SYSTEM_ACTOR,
        { code: 'jyj', name: '市教育局', shortName: '教育局' },
        { db: ctx.db },
      );
      const events0 = await auditCount(ctx.db, 'department.update');
      const renamed = await updateDepartment(
        admin,
        jyj.id,
        { name: '市教育和体育局', isActive: false },
        { db: ctx.db },
      );
      expect(renamed).toMatchObject({ code: 'jyj', name: '市教育和体育局', shortName: '教育局', isActive: false });
      expect(await auditCount(ctx.db, 'department.update')).toBe(events0 + 1);
      const [event] = await ctx.db.select().from(auditEvents).where(eq(auditEvents.action, 'department.update'));
      expect(event?.before).toMatchObject({ name: '市教育局', isActive: true });
      expect(event?.after).toMatchObject({ name: '市教育和体育局', isActive: false });

      // Unchanged: no write, no event.
      await updateDepartment(admin, jyj.id, { isActive: false }, { db: ctx.db });
      expect(await auditCount(ctx.db, 'department.update')).toBe(events0 + 1);

      for (const actor of [official, leader, admin]) {
        const list = await listDepartments(actor, { db: ctx.db });
        expect(list.map((d) => d.code)).toEqual(['fgw', 'jyj']);
      }
    });

    it('refuses an unknown id, a bad id and a taken name', async () => {
      expect((await rejection(updateDepartment(admin, 99_999, { name: '不存在的' }, { db: ctx.db }))).code).toBe(
        'not_found',
      );
      expect(
        (await rejection(updateDepartment(admin, -1, { name: '不存在的' }, { db: ctx.db }))).fieldErrors,
      ).toHaveProperty('id');
      const list = await listDepartments(admin, { db: ctx.db });
      const jyj = list.find((d) => d.code === 'jyj');
      const taken = await rejection(updateDepartment(admin, jyj?.id, { name: '市发展和改革委员会' }, { db: ctx.db }));
      expect(taken.code).toBe('conflict');
      expect((await rejection(updateDepartment(official, jyj?.id, { shortName: '教体' }, { db: ctx.db }))).code).toBe(
        'forbidden',
      );
    });
  });
});
