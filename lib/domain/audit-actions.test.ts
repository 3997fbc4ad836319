import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  actionLabel,
  AUDIT_ACTION_GROUPS,
  AUDIT_ACTIONS,
  AUDIT_ENTITY_TYPES,
  changesDashboardData,
  entityTypeLabel,
  isKnownActionFilter,
} from './audit-actions';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(name) && !name.endsWith('.test.ts') ? [full] : [];
  });
}

describe('audit actions', () => {
  it('lists what is written: settings.update, indicator.unretire/delete; not the never-written ones', () => {
    for (const action of [
      'settings.update',
      'indicator.unretire',
      'indicator.delete',
      'refusal.forbidden',
      'refusal.sign_in_locked',
    ]) {
      expect(isKnownActionFilter(action), action).toBe(true);
    }
    for (const action of ['setting.update', 'target.delete', 'import.targets', 'import.actuals']) {
      expect(isKnownActionFilter(action), action).toBe(false);
    }
    expect(isKnownActionFilter('refusal.*')).toBe(true);
    expect(isKnownActionFilter('settings.*')).toBe(true);
  });

  it('every literal action the services write is listed, and every listed one has a namespace', () => {
    const written = new Set<string>();
    for (const file of [...sourceFiles('lib/services'), ...sourceFiles('db')]) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/action: (?:[^,\n]*\? )?'([a-z_]+\.[a-z_]+)'(?: : '([a-z_]+\.[a-z_]+)')?/g)) {
        if (m[1]) written.add(m[1]);
        if (m[2]) written.add(m[2]);
      }
    }
    expect(written.size).toBeGreaterThan(10);
    for (const action of written) expect(Object.keys(AUDIT_ACTIONS), action).toContain(action);
    for (const action of Object.keys(AUDIT_ACTIONS)) {
      expect(Object.keys(AUDIT_ACTION_GROUPS), action).toContain(action.slice(0, action.indexOf('.')));
    }
  });

  it('labels legacy actions still in old logs', () => {
    expect(actionLabel('auth.login_failed')).toBe('登录失败');
    expect(isKnownActionFilter('auth.login_failed')).toBe(true);
    expect(actionLabel('future.thing')).toBe('future.thing');
  });

  // Only data writes move the dashboards’ data version.
  it.each([
    ['actual.submit', true],
    ['target.update', true],
    ['indicator.create', true],
    ['settings.update', true],
    ['period.lock', true],
    ['department.update', true],
    ['instruction.create', true],
    ['seed.report', true],
    ['user.update', true],
    ['auth.login', false],
    ['auth.locked', false],
    ['refusal.sign_in', false],
    ['refusal.forbidden', false],
    ['export.audit', false],
    ['audit.checkpoint', false],
    ['user.reset_password', false],
    ['user.unlock', false],
    ['user.totp_disable', false],
  ] as const)('%s moves the dashboards’ data version: %s', (action, moves) => {
    expect(changesDashboardData(action)).toBe(moves);
  });
});

describe('entity type labels', () => {
  it('name every entity type, share the word with the action group of the same name, and leave an unknown type as it is', () => {
    expect(entityTypeLabel('actual')).toBe('实绩数据');
    expect(AUDIT_ACTION_GROUPS.actual).toBe(AUDIT_ENTITY_TYPES.actual);
    expect(entityTypeLabel('toString')).toBe('toString');
    expect(entityTypeLabel('widget')).toBe('widget');
  });
});
