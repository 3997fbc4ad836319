/** Fixtures of the evidence tests: users, small PDFs, hostile ZIPs, the files in a folder. */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { departments } from '@/db/schema';
import { SYSTEM_ACTOR, type Actor } from '@/lib/domain/actor';
import { createUser } from '@/lib/services/admin/users';

export { readWebStream } from '../helpers/export-read';

export async function evidenceActor(
  db: Db,
  username: string,
  role: Actor['role'],
  departmentCode?: string,
): Promise<Actor> {
  const { id } = await createUser(
    SYSTEM_ACTOR,
    {
      username,
      displayName: username,
      role,
      departmentCode,
      password: 'Ev1dence#Pass-2026',
      mustChangePassword: false,
    },
    { db },
  );
  const [dept] = departmentCode ? await db.select().from(departments).where(eq(departments.code, departmentCode)) : [];
  return { id, username, role, departmentId: dept?.id ?? null, clientAddress: '10.15.0.1' };
}

/** A small file that starts as a PDF does (distinct per `text`, so each has its own hash). */
export function pdfBytes(text: string): Buffer {
  return Buffer.from(`%PDF-1.4\n% 佐证材料 ${text}\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n`, 'utf8');
}

/** A ZIP with deflated parts, sizes as they really are. */
export function buildTestZip(entries: { name: string; data: Buffer }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const body = deflateRawSync(e.data);
    const name = Buffer.from(e.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(e.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(e.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += 30 + name.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/** Every file under `dir`, as paths relative to it (temporary files included). */
export function listFolder(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((d) => d.isFile())
    .map((d) => path.relative(dir, path.join(d.parentPath, d.name)))
    .sort();
}
