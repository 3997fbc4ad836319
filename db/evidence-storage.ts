/**
 * Where the bytes of evidence files (佐证材料) live: one interface, two backends. `database` keeps them in the
 * row's bytea column; `folder` (EVIDENCE_DIR) keeps them content-addressed by SHA-256 under `<dir>/<ab>/<sha256>`,
 * each file mode 0600, written atomically (temporary file, fsync, rename, fsync of the folder) so that a crash
 * leaves either no file or the whole one. Every read checks the SHA-256 again: a file changed on disk is refused.
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { serverEnv } from '@/lib/env';

export type EvidenceStorageKind = 'database' | 'folder';

/** What a stored row says about its bytes. */
export interface StoredEvidenceRef {
  sha256: string;
  storage: EvidenceStorageKind;
  content: Uint8Array | null;
}

export interface EvidenceStorage {
  readonly kind: EvidenceStorageKind;
  /**
   * Keeps the bytes; returns what goes into the row's `content` column (null when they live elsewhere) and
   * whether this call created the stored copy (false: the same bytes were there already).
   */
  put(sha256: string, bytes: Uint8Array): Promise<{ content: Uint8Array | null; created: boolean }>;
  /** Takes back a copy `put` created when no committed row refers to it. */
  discard(sha256: string): Promise<void>;
}

export class EvidenceIntegrityError extends Error {
  constructor(
    readonly sha256: string,
    detail: string,
  ) {
    super(`evidence ${sha256}: ${detail}`);
    this.name = 'EvidenceIntegrityError';
  }
}

const SHA256 = /^[0-9a-f]{64}$/;

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function databaseEvidenceStorage(): EvidenceStorage {
  return {
    kind: 'database',
    put: async (_sha256, bytes) => ({ content: bytes, created: false }),
    discard: async () => {},
  };
}

function folderPath(dir: string, sha256: string): string {
  if (!SHA256.test(sha256)) throw new Error(`not a SHA-256: ${sha256}`);
  return path.join(dir, sha256.slice(0, 2), sha256);
}

async function exists(file: string): Promise<boolean> {
  return fs.stat(file).then(
    () => true,
    () => false,
  );
}

export function folderEvidenceStorage(dir: string): EvidenceStorage {
  return {
    kind: 'folder',
    async put(sha256, bytes) {
      const target = folderPath(dir, sha256);
      // Content-addressed: the same bytes are already there (an earlier upload); checked, not trusted.
      if (await exists(target)) {
        if (sha256Hex(await fs.readFile(target)) === sha256) return { content: null, created: false };
      }
      const folder = path.dirname(target);
      await fs.mkdir(folder, { recursive: true, mode: 0o700 });
      const temp = path.join(folder, `.${sha256}.${randomBytes(6).toString('hex')}.tmp`);
      const handle = await fs.open(temp, 'wx', 0o600);
      try {
        await handle.writeFile(bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
      try {
        await fs.rename(temp, target);
      } catch (error) {
        await fs.rm(temp, { force: true });
        throw error;
      }
      const folderHandle = await fs.open(folder, 'r');
      try {
        await folderHandle.sync();
      } finally {
        await folderHandle.close();
      }
      return { content: null, created: true };
    },
    async discard(sha256) {
      await fs.rm(folderPath(dir, sha256), { force: true });
    },
  };
}

/** The storage new uploads go to: the EVIDENCE_DIR folder when set, else the database. */
export function evidenceStorage(dir: string | undefined = serverEnv().evidenceDir): EvidenceStorage {
  return dir ? folderEvidenceStorage(path.resolve(dir)) : databaseEvidenceStorage();
}

/** The bytes of a stored file, wherever its row says they are, checked against its SHA-256. */
export async function readEvidenceBytes(
  ref: StoredEvidenceRef,
  dir: string | undefined = serverEnv().evidenceDir,
): Promise<Uint8Array> {
  let bytes: Uint8Array;
  if (ref.storage === 'database') {
    if (!ref.content) throw new EvidenceIntegrityError(ref.sha256, 'no content in the row');
    bytes = ref.content;
  } else {
    if (!dir) throw new EvidenceIntegrityError(ref.sha256, 'stored in a folder, but EVIDENCE_DIR is not set');
    bytes = await fs.readFile(folderPath(path.resolve(dir), ref.sha256)).catch((error: unknown) => {
      throw new EvidenceIntegrityError(ref.sha256, `cannot read the file (${String(error)})`);
    });
  }
  if (sha256Hex(bytes) !== ref.sha256)
    throw new EvidenceIntegrityError(ref.sha256, 'the bytes do not match their SHA-256');
  return bytes;
}
