/** Fixtures of the evidence tests: users, small PDFs, the files in a folder (ZIP bytes: tests/helpers/zip-bytes). */
import { readdirSync } from 'node:fs';
import path from 'node:path';
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

/** Every file under `dir`, as paths relative to it (temporary files included). */
export function listFolder(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((d) => d.isFile())
    .map((d) => path.relative(dir, path.join(d.parentPath, d.name)))
    .sort();
}
