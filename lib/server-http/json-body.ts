/** Request parts the admin and account handlers share, on top of lib/server-http/body.ts (type, size, syntax). */
import { AppError } from '@/lib/errors';
import { DEFAULT_BODY_LIMIT, readJsonBody } from './body';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The JSON body when it is an object (its fields are still unknown: the service parses them with zod). */
export async function readJsonObject(req: Request, limit = DEFAULT_BODY_LIMIT): Promise<Record<string, unknown>> {
  const body = await readJsonBody(req, limit);
  if (!isRecord(body)) throw new AppError('invalid_input', '提交的内容应为 JSON 对象');
  return body;
}

/** A numeric path segment ([id]) as a number; anything else is passed on for the service's zod to refuse. */
export function pathId(raw: string): number | string {
  return /^\d{1,10}$/.test(raw) ? Number(raw) : raw;
}
