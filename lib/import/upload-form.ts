/**
 * Reading an upload (multipart/form-data) safely: the size is refused with 413 before anything is parsed
 * (from Content-Length, and again while streaming, since the header may be absent or wrong).
 */
import { AppError } from '@/lib/errors';
import { readBounded } from '@/lib/server-http/body';
import { MAX_UPLOAD_BYTES, TOO_LARGE } from './limits';

/** Room for the form's boundaries and its other fields around the file. */
const FORM_OVERHEAD = 64 * 1024;

export interface UploadLimits {
  /** The file's own limit (the form may be FORM_OVERHEAD larger). */
  maxBytes: number;
  /** The 413 message. */
  tooLarge: string;
}

const IMPORT_LIMITS: UploadLimits = { maxBytes: MAX_UPLOAD_BYTES, tooLarge: TOO_LARGE };

async function readLimited(req: Request, limit: number, tooLarge: string): Promise<Uint8Array<ArrayBuffer>> {
  const refuse = () => new AppError('too_large', tooLarge, { file: [tooLarge] });
  const declared = Number(req.headers.get('content-length') ?? '');
  if (Number.isFinite(declared) && declared > limit) throw refuse();
  return req.body ? readBounded(req.body, limit, refuse) : new Uint8Array();
}

/** The `file` (its bytes and name, or null when absent) and the text fields of an upload form. */
export async function readUploadForm(
  req: Request,
  limits: UploadLimits = IMPORT_LIMITS,
): Promise<{ file: Uint8Array | null; fileName: string; fields: Record<string, string> }> {
  const type = req.headers.get('content-type') ?? '';
  if (!/^multipart\/form-data\b/i.test(type)) {
    throw new AppError('unsupported', '请以表单方式上传文件（Content-Type: multipart/form-data）');
  }
  const body = await readLimited(req, limits.maxBytes + FORM_OVERHEAD, limits.tooLarge);
  let form: FormData;
  try {
    form = await new Response(body, { headers: { 'content-type': type } }).formData();
  } catch {
    throw new AppError('invalid_input', '上传的表单无法解析，请刷新页面后重新上传', { file: ['上传的表单无法解析'] });
  }
  const fields: Record<string, string> = {};
  let file: Uint8Array | null = null;
  let fileName = '';
  for (const [key, value] of form.entries()) {
    if (typeof value === 'string') fields[key] = value;
    else if (key === 'file') {
      if (value.size > limits.maxBytes) throw new AppError('too_large', limits.tooLarge, { file: [limits.tooLarge] });
      file = new Uint8Array(await value.arrayBuffer());
      fileName = value.name;
    }
  }
  return { file, fileName, fields };
}
