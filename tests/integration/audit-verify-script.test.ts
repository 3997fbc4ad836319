/** `npm run audit:verify` and the checkpoint script, end to end on an embedded database folder. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, sql } from '@/db/client';
import { append, asSuperuser } from '@/scripts/lib/audit-fixtures';

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
    await asSuperuser(handle.db, () =>
      handle.db.execute(sql`update audit_events set reason = '篡改' where id = ${victim}`),
    );
    await handle.close();
    const result = run('npm', ['run', '--silent', 'audit:verify'], dir);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(`事件 #${victim} 内容被修改（哈希不符）`);
  });

  it('exits 64 on an unreadable checkpoint file', () => {
    const result = run(
      'npm',
      ['run', '--silent', 'audit:verify', '--', '--checkpoint', path.join(root, 'missing.json')],
      dir,
    );
    expect(result.status).toBe(64);
    expect(result.stderr).toContain('无法读取检查点文件');
  });
});

describe('checkpoints kept outside the database catch a truncated tail', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'zs-checkpoint-'));
  const dir = path.join(root, 'data');
  const keptDir = path.join(root, 'kept');
  const keptFile = path.join(root, 'checkpoints.jsonl');
  const bin = path.join(root, 'bin');
  const syslogCapture = path.join(root, 'syslog.txt');
  let lastId = 0;
  const checkpoint = (...args: string[]) => run('npm', ['run', '--silent', 'audit:checkpoint', '--', ...args], dir);
  const verify = (...args: string[]) => run('npm', ['run', '--silent', 'audit:verify', '--', ...args], dir);

  beforeAll(async () => {
    const handle = await openDatabase({ dir });
    for (let i = 0; i < 4; i += 1) await append(handle.db, { entityId: i });
    await handle.close();
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it('writes one JSON line to a file (appended) and to a new file in a folder, readable by the owner only', async () => {
    const first = checkpoint('--out', keptFile, '--dir', keptDir);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    const handle = await openDatabase({ dir });
    for (let i = 0; i < 6; i += 1) lastId = (await append(handle.db, { entityId: 10 + i })).id;
    await handle.close();
    const second = checkpoint('--out', keptFile, '--dir', keptDir);
    expect(second.status).toBe(0);
    const lines = fs.readFileSync(keptFile, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(2);
    // 4 events, then their checkpoint event and 6 more: the second checkpoint covers 11, ending at the last append.
    expect(JSON.parse(lines[1] ?? '')).toMatchObject({ count: 11, headId: lastId });
    expect(fs.statSync(keptFile).mode & 0o777).toBe(0o600);
    const files = fs.readdirSync(keptDir);
    expect(files).toHaveLength(2);
    for (const f of files) expect(fs.statSync(path.join(keptDir, f)).mode & 0o777).toBe(0o600);
  });

  it('sends the line to syslog through logger', () => {
    // A stand-in logger(1) that records its arguments: the machine's syslog may not be readable here.
    fs.mkdirSync(bin, { recursive: true });
    fs.writeFileSync(path.join(bin, 'logger'), `#!/bin/sh\nprintf '%s\\n' "$@" > '${syslogCapture}'\n`, {
      mode: 0o755,
    });
    const result = spawnSync('npm', ['run', '--silent', 'audit:checkpoint', '--', '--syslog'], {
      env: { ...process.env, PGLITE_DIR: dir, DATABASE_URL: '', PATH: `${bin}:${process.env.PATH ?? ''}` },
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(result.status).toBe(0);
    const args = fs.readFileSync(syslogCapture, 'utf8').trim().split('\n');
    expect(args.slice(0, 5)).toEqual(['-t', 'zhuashou-audit', '-p', 'auth.notice', '--']);
    expect(JSON.parse(args[5] ?? '')).toMatchObject({ kind: 'zhuashou.audit-checkpoint', count: 12 });
  });

  it('after the owner deletes the last events with the triggers off, verify passes alone but fails against the kept checkpoints, naming the gap', async () => {
    const handle = await openDatabase({ dir });
    // The owner's attack: triggers off, the tail gone (the last three events the second checkpoint saw, and all after).
    await asSuperuser(handle.db, () => handle.db.execute(sql`delete from audit_events where id > ${lastId - 3}`));
    await handle.close();
    const alone = verify();
    expect(alone.status).toBe(0);
    for (const target of [keptDir, keptFile]) {
      const result = verify('--checkpoint', target);
      expect(result.status, result.stdout + result.stderr).toBe(1);
      expect(result.stdout).toContain('校验未通过');
      expect(result.stdout).toContain('缺少 3 条事件');
      expect(result.stdout).toContain(`事件 #${lastId - 3} 之后、#${lastId} 及以前的事件已缺失`);
    }
  });

  it('refuses a folder without checkpoints and a file that is not one (exit 64)', () => {
    const empty = path.join(root, 'empty');
    fs.mkdirSync(empty);
    expect(verify('--checkpoint', empty).status).toBe(64);
    const bad = path.join(root, 'bad.json');
    fs.writeFileSync(bad, '{"kind":"other"}\n');
    const result = verify('--checkpoint', bad);
    expect(result.status).toBe(64);
    expect(result.stderr).toContain('不是抓手平台的审计检查点文件');
  });
});
