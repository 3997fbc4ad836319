/**
 * 佐证材料 (evidence files) over HTTP, through the route handlers as the server runs them (the session is the
 * only thing stubbed), on both storage backends (the database's bytea column, and an EVIDENCE_DIR folder) and
 * both engines: per role and department, refusals that store nothing, removal only while editable, and the
 * audit bundle's files whose hashes equal the audit events'.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, count, eq } from 'drizzle-orm';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { auditEvents, evidenceFiles, indicators, targets } from '@/db/schema';
import type { Actor } from '@/lib/domain/actor';
import { approveActual } from '@/lib/services/reporting/actual-review';
import { saveActual } from '@/lib/services/reporting/actual-entry';
import { seedCatalogue } from './fixtures/catalogue';
import { getIndicatorDetail } from '@/lib/services/dashboards/indicator';
import { forEachEngine } from '../helpers/test-db';
import { buildZip } from '../helpers/pure/zip-bytes';
import { evidenceActor, listFolder, pdfBytes, readWebStream } from './evidence-fixtures';
import { latestAuditEvent } from './fixtures/audit-events';
import { processDb } from './fixtures/process-db';
import { signedIn } from './fixtures/signed-in';

vi.mock('@/db/client', async (importOriginal) => (await import('./fixtures/process-db')).withProcessDb(importOriginal));
vi.mock('@/lib/session/session', async () => (await import('./fixtures/signed-in')).stubSession('10.15.0.1'));

const upload = (await import('@/app/api/actuals/[id]/evidence/route')).POST;
const file = await import('@/app/api/evidence/[id]/route');
const bundle = (await import('@/app/api/exports/indicators/[code]/evidence/route')).GET;

const APP = 'http://zhuashou.test';
const HEADERS = { host: 'zhuashou.test', origin: APP };
const NOW = new Date('2026-06-10T04:00:00Z');

function as(actor: Actor) {
  signedIn.user = actor;
  return {
    upload(actualId: number, bytes: Uint8Array, name: string) {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(bytes)]), name);
      const req = new NextRequest(`${APP}/api/actuals/${actualId}/evidence`, {
        method: 'POST',
        headers: HEADERS,
        body: form,
      });
      return upload(req, { params: Promise.resolve({ id: String(actualId) }) });
    },
    get(id: number) {
      return file.GET(new NextRequest(`${APP}/api/evidence/${id}`, { headers: HEADERS }), {
        params: Promise.resolve({ id: String(id) }),
      });
    },
    remove(id: number) {
      return file.DELETE(new NextRequest(`${APP}/api/evidence/${id}`, { method: 'DELETE', headers: HEADERS }), {
        params: Promise.resolve({ id: String(id) }),
      });
    },
    bundle(code: string) {
      return bundle(new NextRequest(`${APP}/api/exports/indicators/${code}/evidence`, { headers: HEADERS }), {
        params: Promise.resolve({ code }),
      });
    },
  };
}

type Uploaded = { evidence: { id: number; fileName: string; size: number; sha256: string; contentType: string } };
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const message = async (res: Response) => ((await res.json()) as { error: { message: string } }).error.message;

forEachEngine('evidence files', (ctx) => {
  const actors = {} as Record<
    'official' | 'otherOfficial' | 'reviewer' | 'otherReviewer' | 'auditor' | 'leader' | 'security',
    Actor
  >;

  beforeAll(async () => {
    processDb.db = ctx.db;
    await seedCatalogue(ctx.handle);
    actors.official = await evidenceActor(ctx.db, 'ev-official', 'official', 'fgw');
    actors.otherOfficial = await evidenceActor(ctx.db, 'ev-other', 'official', 'wlj');
    actors.reviewer = await evidenceActor(ctx.db, 'ev-reviewer', 'reviewer', 'fgw');
    actors.otherReviewer = await evidenceActor(ctx.db, 'ev-other-rev', 'reviewer', 'wlj');
    actors.auditor = await evidenceActor(ctx.db, 'ev-auditor', 'auditor');
    actors.leader = await evidenceActor(ctx.db, 'ev-leader', 'leader');
    actors.security = await evidenceActor(ctx.db, 'ev-security', 'security');
    const [ind] = await ctx.db.select().from(indicators).where(eq(indicators.code, 'INV-INVESTMENT'));
    await ctx.db.insert(targets).values({ indicatorId: ind!.id, year: 2026, value: '1100' });
  });

  /** Everything a refused upload must leave as it was. */
  async function stored(dir?: string) {
    const [rows] = await ctx.db.select({ n: count() }).from(evidenceFiles);
    const [events] = await ctx.db
      .select({ n: count() })
      .from(auditEvents)
      .where(eq(auditEvents.entityType, 'evidence'));
    return { rows: rows?.n, events: events?.n, files: dir ? listFolder(dir) : [] };
  }

  async function figure(month: number) {
    const period = `2026-${String(month).padStart(2, '0')}`;
    const saved = await saveActual(
      actors.official,
      {
        indicatorCode: 'INV-INVESTMENT',
        period,
        version: null,
        value: String(100 * month),
        explanation: '示例说明',
        action: 'draft',
      },
      { db: ctx.db, now: NOW },
    );
    return saved.actual;
  }

  async function submitAndApprove(month: number, version: number) {
    const period = `2026-${String(month).padStart(2, '0')}`;
    const submitted = await saveActual(
      actors.official,
      {
        indicatorCode: 'INV-INVESTMENT',
        period,
        version,
        value: String(100 * month),
        explanation: '示例说明',
        action: 'submit',
      },
      { db: ctx.db, now: NOW },
    );
    await approveActual(
      actors.reviewer,
      submitted.actual.id,
      { version: submitted.actual.version },
      { db: ctx.db, now: NOW },
    );
  }

  describe.each([
    ['database', 2, 3],
    ['folder', 1, 4],
  ] as const)('stored in the %s', (backend, approvedMonth, draftMonth) => {
    let dir: string | undefined;
    let approvedId = 0;
    let draftId = 0;
    let approvedFile: Uploaded['evidence'];
    const pdf = pdfBytes(`approved ${backend}`);

    beforeAll(async () => {
      if (backend === 'folder') {
        dir = mkdtempSync(path.join(tmpdir(), 'zs-evidence-'));
        vi.stubEnv('EVIDENCE_DIR', dir);
      }
      const approved = await figure(approvedMonth);
      approvedId = approved.id;
      const res = await as(actors.official).upload(approvedId, pdf, 'C:\\扫描件\\投资台账（2月）.pdf');
      expect(res.status).toBe(201);
      approvedFile = ((await res.json()) as Uploaded).evidence;
      // A second file attached and removed before submission: the bundle still lists it, marked removed.
      const second = await as(actors.official).upload(approvedId, pdfBytes(`removed ${backend}`), '旧版本.pdf');
      expect((await as(actors.official).remove(((await second.json()) as Uploaded).evidence.id)).status).toBe(200);
      await submitAndApprove(approvedMonth, approved.version);
      draftId = (await figure(draftMonth)).id;
    });
    afterAll(() => {
      vi.unstubAllEnvs();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it('an official attaches a PDF to an own-department draft: 201 with the sanitised name, the hash, a row and an audit event', async () => {
      expect(approvedFile).toEqual({
        id: expect.any(Number),
        fileName: '投资台账（2月）.pdf',
        size: pdf.byteLength,
        sha256: sha(pdf),
        contentType: 'application/pdf',
      });
      const [row] = await ctx.db.select().from(evidenceFiles).where(eq(evidenceFiles.id, approvedFile.id));
      expect(row?.storage).toBe(backend);
      if (backend === 'database') expect(Buffer.from(row!.content!)).toEqual(Buffer.from(pdf));
      else {
        expect(row?.content).toBeNull();
        const onDisk = path.join(dir!, approvedFile.sha256.slice(0, 2), approvedFile.sha256);
        expect(statSync(onDisk).mode & 0o777).toBe(0o600);
        const files = listFolder(dir!);
        expect(files).toContain(path.relative(dir!, onDisk));
        for (const f of files) expect(f).toMatch(/^[0-9a-f]{2}\/[0-9a-f]{64}$/); // content-addressed; no temporary file left behind
      }
      const [event] = await ctx.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.action, 'evidence.upload'), eq(auditEvents.entityId, String(approvedFile.id))));
      expect(event?.after).toMatchObject({
        sha256: sha(pdf),
        fileName: '投资台账（2月）.pdf',
        size: pdf.byteLength,
        actualId: approvedId,
      });
      expect(event?.actorUsername).toBe('ev-official');
    });

    it('downloads with the stored type and an RFC 5987 attachment name: the owning official, its reviewer, the auditor and the leader', async () => {
      for (const who of ['official', 'reviewer', 'auditor', 'leader'] as const) {
        const res = await as(actors[who]).get(approvedFile.id);
        expect(res.status, who).toBe(200);
        expect(res.headers.get('content-type')).toBe('application/pdf');
        expect(res.headers.get('content-disposition')).toContain(
          `attachment; filename="2.pdf"; filename*=UTF-8''${encodeURIComponent('投资台账（2月）.pdf')}`,
        );
        expect(sha(new Uint8Array(await res.arrayBuffer()))).toBe(sha(pdf));
      }
    });

    it("another department's official or reviewer gets 404 (download, upload, removal); the security administrator 403", async () => {
      for (const who of ['otherOfficial', 'otherReviewer'] as const)
        expect((await as(actors[who]).get(approvedFile.id)).status, who).toBe(404);
      expect((await as(actors.otherOfficial).upload(draftId, pdfBytes('x'), 'x.pdf')).status).toBe(404);
      expect((await as(actors.otherOfficial).remove(approvedFile.id)).status).toBe(404);
      expect((await as(actors.security).get(approvedFile.id)).status).toBe(403);
      expect((await as(actors.reviewer).upload(draftId, pdfBytes('x'), 'x.pdf')).status).toBe(403);
    });

    it("an approved figure's evidence is read-only: removal and upload refused with 423, nothing changes", async () => {
      const before = await stored(dir);
      const removal = await as(actors.official).remove(approvedFile.id);
      expect(removal.status).toBe(423);
      expect(await message(removal)).toContain('已审核通过');
      expect((await as(actors.official).upload(approvedId, pdfBytes('late'), 'late.pdf')).status).toBe(423);
      expect(await stored(dir)).toEqual(before);
    });

    it("a drafted figure's evidence is listed to its department only while it is a draft: the auditor gets 404", async () => {
      const res = await as(actors.official).upload(draftId, pdfBytes(`draft ${backend}`), '进度照片.pdf');
      expect(res.status).toBe(201);
      const { evidence } = (await res.json()) as Uploaded;
      expect((await as(actors.reviewer).get(evidence.id)).status).toBe(200);
      expect((await as(actors.auditor).get(evidence.id)).status).toBe(404);
    });

    it('refuses a renamed executable, an oversized file and a ZIP bomb with clear messages, storing nothing', async () => {
      const before = await stored(dir);
      const exe = await as(actors.official).upload(
        draftId,
        Buffer.concat([Buffer.from('MZ\x90\x00'), Buffer.alloc(4096)]),
        '工作总结.pdf',
      );
      expect(exe.status).toBe(415);
      expect(await message(exe)).toContain('可执行程序');
      const elf = await as(actors.official).upload(
        draftId,
        Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46]), Buffer.alloc(64)]),
        'photo.png',
      );
      expect(elf.status).toBe(415);
      const big = Buffer.alloc(20 * 1024 * 1024 + 1);
      big.write('%PDF-1.7\n');
      const tooBig = await as(actors.official).upload(draftId, big, '大文件.pdf');
      expect(tooBig.status).toBe(413);
      expect(await message(tooBig)).toContain('超过 20 MB');
      const bomb = buildZip([
        { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
        { name: 'word/document.xml', data: Buffer.alloc(8 * 1024 * 1024) },
      ]);
      const bombed = await as(actors.official).upload(draftId, bomb, '汇报.docx');
      expect(bombed.status).toBe(400);
      expect(await message(bombed)).toContain('压缩炸弹');
      expect(await stored(dir)).toEqual(before);
    });

    it('accepts a real DOCX-shaped file by its bytes, and removes a file while the figure is a draft (audited with its hash)', async () => {
      const docx = buildZip([
        { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
        { name: 'word/document.xml', data: Buffer.from('<w:document>会议纪要</w:document>') },
      ]);
      const res = await as(actors.official).upload(draftId, docx, '会议纪要.bin');
      expect(res.status).toBe(201);
      const { evidence } = (await res.json()) as Uploaded;
      expect(evidence).toMatchObject({
        fileName: '会议纪要.docx',
        contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      });
      const removal = await as(actors.official).remove(evidence.id);
      expect(removal.status).toBe(200);
      expect((await as(actors.official).get(evidence.id)).status).toBe(404);
      const [event] = await ctx.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.action, 'evidence.remove'), eq(auditEvents.entityId, String(evidence.id))));
      expect(event?.before).toMatchObject({ sha256: sha(docx), fileName: '会议纪要.docx', size: docx.byteLength });
    });

    it("the indicator page lists a figure's files to those who may read them, not to another department", async () => {
      const shown = async (who: keyof typeof actors) => {
        const detail = await getIndicatorDetail(
          actors[who],
          'INV-INVESTMENT',
          { year: 2026, month: approvedMonth },
          { db: ctx.db, now: NOW },
        );
        return detail.figures.find((f) => f.id === approvedId)?.evidence.map((e) => e.fileName);
      };
      expect(await shown('auditor')).toEqual(['投资台账（2月）.pdf']);
      expect(await shown('reviewer')).toEqual(['投资台账（2月）.pdf']);
      expect(await shown('otherOfficial')).toEqual([]);
    });

    it("the audit bundle's files hash to what the manifest and the audit events say", async () => {
      const res = await as(actors.auditor).bundle('INV-INVESTMENT');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/zip');
      const zipBytes = await readWebStream(res.body!);
      const JSZip = (await import('jszip')).default;
      const zip = await JSZip.loadAsync(zipBytes, { checkCRC32: true });
      const manifest = JSON.parse(await zip.file('manifest.json')!.async('string')) as {
        files: {
          id: number;
          path: string;
          sha256: string;
          auditEventId: number;
          auditSha256: string;
          status: string;
        }[];
      };
      const mine = manifest.files.find((f) => f.id === approvedFile.id);
      expect(mine).toMatchObject({ sha256: sha(pdf), auditSha256: sha(pdf), status: '有效' });
      expect(manifest.files.some((f) => f.status === '已删除')).toBe(true);
      // The auditor does not see drafts: the draft's files are not in the bundle.
      const draftFiles = await ctx.db
        .select({ id: evidenceFiles.id })
        .from(evidenceFiles)
        .where(eq(evidenceFiles.actualId, draftId));
      expect(draftFiles.length).toBeGreaterThan(0);
      for (const { id } of draftFiles) expect(manifest.files.map((f) => f.id)).not.toContain(id);
      for (const entry of manifest.files) {
        const bytes = await zip.file(entry.path)!.async('uint8array');
        const [event] = await ctx.db.select().from(auditEvents).where(eq(auditEvents.id, entry.auditEventId));
        expect(event?.action).toBe('evidence.upload');
        expect((event?.after as { sha256: string }).sha256).toBe(sha(bytes));
        expect(entry.sha256).toBe(sha(bytes));
      }
      expect(await zip.file('manifest.csv')!.async('string')).toContain(sha(pdf));
      // The download itself is on the record, with the ZIP's own hash.
      const exported = await latestAuditEvent(ctx.db, 'export.evidence');
      expect(exported?.after).toMatchObject({ complete: true, sha256: sha(zipBytes), rowCount: manifest.files.length });
      expect((await as(actors.official).bundle('INV-INVESTMENT')).status).toBe(403);
    });
  });
});
