/** What the export routes share: the query string to the export service, its file streamed back. */
import type { Actor } from '@/lib/domain/actor';
import { downloadResponse, isCheckOnly, searchObject } from '@/lib/server-http/download';
import type { HandlerContext } from '@/lib/server-http/handler';

type ExportFile = { stream: ReadableStream<Uint8Array>; fileName: string; contentType: string };

/**
 * The GET of an export route (each route wraps it in withActor): the query string, as a plain object the service
 * validates, to `download`, whose file goes back as a download; with `check`, ?check=1 answers what `check` says
 * (the row count or the refusal) instead.
 */
export function exportGet(
  download: (actor: Actor, query: Record<string, string>) => Promise<ExportFile>,
  check?: (actor: Actor, query: Record<string, string>) => Promise<unknown>,
) {
  return async ({ req, actor }: HandlerContext<Record<string, never>>) => {
    const params = req.nextUrl.searchParams;
    const query = searchObject(params, check ? ['check'] : []);
    if (check && isCheckOnly(params)) return check(actor, query);
    const file = await download(actor, query);
    return downloadResponse(file.stream, file.fileName, file.contentType);
  };
}
