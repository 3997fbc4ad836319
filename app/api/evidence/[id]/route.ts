// GET /api/evidence/[id] — download a 佐证材料 file (stored type, attachment); DELETE — remove it while its figure is editable.
import { downloadResponse } from '@/lib/server-http/download';
import { withActor } from '@/lib/server-http/handler';
import { downloadEvidence, removeEvidence } from '@/lib/services/evidence/evidence';

export const dynamic = 'force-dynamic';

export const GET = withActor<{ id: string }>(async ({ actor, params }) => {
  const file = await downloadEvidence(actor, params.id);
  const response = downloadResponse(new Uint8Array(file.bytes), file.fileName, file.contentType);
  response.headers.set('Content-Length', String(file.bytes.byteLength));
  // The bytes are shown as sent: the hash the audit event records.
  response.headers.set('X-Content-SHA256', file.sha256);
  return response;
});

export const DELETE = withActor<{ id: string }>(async ({ actor, params }) => {
  const removed = await removeEvidence(actor, params.id);
  return { evidence: removed };
});
