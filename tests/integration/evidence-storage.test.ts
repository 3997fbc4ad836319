/** The two evidence storage backends behind one interface: what each keeps, and that a changed file is never served. */
import { chmodSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  databaseEvidenceStorage,
  EvidenceIntegrityError,
  evidenceStorage,
  folderEvidenceStorage,
  readEvidenceBytes,
  sha256Hex,
} from '@/db/evidence-storage';
import { listFolder, pdfBytes } from './evidence-fixtures';

const dir = mkdtempSync(path.join(tmpdir(), 'zs-evidence-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('evidence storage', () => {
  it('picks the folder when EVIDENCE_DIR is set, else the database', () => {
    expect(evidenceStorage(undefined).kind).toBe('database');
    expect(evidenceStorage(dir).kind).toBe('folder');
  });

  it('database: the bytes go into the row, and are read back checked against their hash', async () => {
    const bytes = pdfBytes('db');
    const sha = sha256Hex(bytes);
    const put = await databaseEvidenceStorage().put(sha, bytes);
    expect(put).toEqual({ content: bytes, created: false });
    expect(await readEvidenceBytes({ sha256: sha, storage: 'database', content: bytes })).toEqual(bytes);
    const changed = Buffer.from(bytes);
    changed[0] = 0x21;
    await expect(readEvidenceBytes({ sha256: sha, storage: 'database', content: changed })).rejects.toBeInstanceOf(
      EvidenceIntegrityError,
    );
  });

  it('folder: content-addressed under <ab>/<sha256>, mode 0600, nothing in the row; the same bytes twice are one file', async () => {
    const store = folderEvidenceStorage(dir);
    const bytes = pdfBytes('folder');
    const sha = sha256Hex(bytes);
    expect(await store.put(sha, bytes)).toEqual({ content: null, created: true });
    expect(await store.put(sha, bytes)).toEqual({ content: null, created: false });
    const file = path.join(dir, sha.slice(0, 2), sha);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(listFolder(dir)).toEqual([path.join(sha.slice(0, 2), sha)]);
    expect(await readEvidenceBytes({ sha256: sha, storage: 'folder', content: null }, dir)).toEqual(bytes);
  });

  it('folder: a file changed or removed on disk is refused on read, and rewritten whole by the next upload of the same bytes', async () => {
    const store = folderEvidenceStorage(dir);
    const bytes = pdfBytes('tampered');
    const sha = sha256Hex(bytes);
    await store.put(sha, bytes);
    const file = path.join(dir, sha.slice(0, 2), sha);
    chmodSync(file, 0o600);
    writeFileSync(file, 'not the same bytes');
    await expect(readEvidenceBytes({ sha256: sha, storage: 'folder', content: null }, dir)).rejects.toThrow(
      /do not match/,
    );
    expect(await store.put(sha, bytes)).toEqual({ content: null, created: true });
    expect(await readEvidenceBytes({ sha256: sha, storage: 'folder', content: null }, dir)).toEqual(bytes);
    await store.discard(sha);
    await expect(readEvidenceBytes({ sha256: sha, storage: 'folder', content: null }, dir)).rejects.toThrow(
      /cannot read/,
    );
    await expect(readEvidenceBytes({ sha256: sha, storage: 'folder', content: null }, undefined)).rejects.toThrow(
      /EVIDENCE_DIR/,
    );
  });
});
