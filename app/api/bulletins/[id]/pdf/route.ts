// GET /api/bulletins/[id]/pdf — the stored .pdf of a 通报, byte for byte as generated (never regenerated).
import { downloadResponse } from '@/lib/server-http/download';
import { withActor } from '@/lib/server-http/handler';
import { getBulletinDownload } from '@/lib/services/bulletins/bulletins';

export const dynamic = 'force-dynamic';

export const GET = withActor<{ id: string }>(async ({ actor, params }) => {
  const file = await getBulletinDownload(actor, params.id, 'pdf');
  return downloadResponse(file.content, file.fileName, file.contentType, file.sha256);
});
