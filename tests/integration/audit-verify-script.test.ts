/** `npm run audit:verify` and the checkpoint script, end to end on an embedded database folder. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, sql } from '@/db/client';
import { append, asSuperuser } from '@/tests/helpers/audit-fixtures';

function run(command: string, args: string[], dir: string) {
  return spawnSync(command, args, {
    env: { ...process.env, PGLITE_DIR: dir, DATABASE_URL: '' },
    encoding: 'utf8',
    timeout: 120_000,
  });
}

describe('audit:verify on the command line', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'zs-verify-'));
  const dir = path.join(root, 'data');
  const checkpointFile = path.join(root, '审计检查点.json');
  let victim = 0;

  beforeAll(async () => {
    const handle = await openDatabase({ dir });
    for (let i = 0; i < 5; i += 1) victim = (await append(handle.db, { entityId: i })).id;
    await handle.close();
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it('writes a checkpoint, then verifies against it (exit 0)', () => {
    const made = run('npx', ['tsx', 'scripts/audit-checkpoint.ts', '--out', checkpointFile], dir);
    expect(made.stderr).toBe('');
    expect(made.status).toBe(0);
    expect(JSON.parse(fs.readFileSync(checkpointFile, 'utf8'))).toMatchObject({ count: 5, headId: victim });
    const verified = run('npm', ['run', '--silent', 'audit:verify', '--', '--checkpoint', checkpointFile], dir);
    expect(verified.status).toBe(0);
    expect(verified.stdout).toContain('校验通过');
    expect(verified.stdout).toContain('与检查点一致');
  });

  it('exits 1 naming the altered event', async () => {
    const handle = await openDatabase({ dir });
    await asSuperuser(handle.db, () => handle.db.execute(sql`update audit_events set reason = '篡改' where id = ${victim}`));
    await handle.close();
    const result = run('npm', ['run', '--silent', 'audit:verify'], dir);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(`事件 #${victim} 内容被修改（哈希不符）`);
  });

  it('exits 64 on an unreadable checkpoint file', () => {
    const result = run('npm', ['run', '--silent', 'audit:verify', '--', '--checkpoint', path.join(root, 'missing.json')], dir);
    expect(result.status).toBe(64);
    expect(result.stderr).toContain('无法读取检查点文件');
  });
});
