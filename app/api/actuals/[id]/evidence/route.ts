// POST /api/actuals/[id]/evidence — attach one 佐证材料 file (multipart field `file`; PDF, JPEG/PNG, DOCX/XLSX; ≤ 20 MB; ≤ 10 per figure).
import { NextResponse } from 'next/server';
import { requirePermission } from '@/lib/auth/require-permission';
import { EVIDENCE_MAX_BYTES, EVIDENCE_TOO_LARGE } from '@/lib/domain/evidence-file';
import { withActor } from '@/lib/server-http/handler';
import { readUploadForm } from '@/lib/import/upload-form';
import { uploadEvidence, withEvidenceUploadSlot } from '@/lib/services/evidence/evidence';

export const dynamic = 'force-dynamic';

export const POST = withActor<{ id: string }>(async ({ req, actor, params }) => {
  // Before reading up to 20 MB: may this role attach files at all?
  requirePermission(actor, 'evidence.attach');
  // One of a few upload slots per process, held while the form is read and the file stored (else 429).
  const evidence = await withEvidenceUploadSlot(async () => {
    const { file, fileName } = await readUploadForm(req, {
      maxBytes: EVIDENCE_MAX_BYTES,
      tooLarge: EVIDENCE_TOO_LARGE,
    });
    return uploadEvidence(actor, params.id, file ? { name: fileName, bytes: file } : null);
  });
  return NextResponse.json({ evidence }, { status: 201, headers: { 'Cache-Control': 'no-store' } });
});
