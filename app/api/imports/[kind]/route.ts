// POST /api/imports/[kind] — bulk import (kind = actuals|targets) from multipart form fields file (.xlsx/.csv, ≤ 10 MB) and mode = dry-run|commit.
import { requirePermission } from '@/lib/auth/require-permission';
import { withActor } from '@/lib/server-http/handler';
import { readUploadForm } from '@/lib/import/upload-form';
import { runImport, withImportSlot } from '@/lib/services/imports/imports';

export const dynamic = 'force-dynamic';

export const POST = withActor<{ kind: string }>(async ({ req, actor, params }) => {
  // Before reading an upload of up to 10 MB: may this role import at all?
  requirePermission(actor, 'import.run');
  // One of a few import slots per process, held while the upload is read and imported (else 429).
  return withImportSlot(async () => {
    const { file, fields } = await readUploadForm(req);
    return runImport(actor, { kind: params.kind, mode: fields.mode, file });
  });
});
