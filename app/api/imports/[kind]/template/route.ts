// GET /api/imports/[kind]/template — the XLSX import template (kind = actuals|targets; ?department=CODE for administrators, ?year= or ?period=YYYY-MM).
import { withActor } from '@/lib/server-http/handler';
import { getImportTemplate } from '@/lib/services/imports/templates';

export const dynamic = 'force-dynamic';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const GET = withActor<{ kind: string }>(async ({ req, actor, params }) => {
  const query: Record<string, string> = { kind: params.kind };
  for (const [key, value] of req.nextUrl.searchParams) query[key] = value;
  const template = await getImportTemplate(actor, query);
  const ascii = template.fileName.replace(/[^\x20-\x7e]/g, '_');
  return new Response(new Uint8Array(template.bytes), {
    headers: {
      'Content-Type': XLSX_TYPE,
      'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(template.fileName)}`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
});
