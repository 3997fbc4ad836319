/** Browser-side fetch of the JSON API: throws ApiError with the server's Chinese message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code?: string,
    readonly fieldErrors?: Record<string, string[]>,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export async function fetchJson<T>(url: string, init?: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, {
      ...init,
      headers: {
        Accept: 'application/json',
        ...(init?.body ? { 'Content-Type': 'application/json' } : {}),
        ...init?.headers,
      },
    });
  } catch {
    throw new ApiError(0, '无法连接服务器，请检查网络后重试');
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = (
      body as {
        error?: {
          message?: string;
          code?: string;
          fieldErrors?: Record<string, string[]>;
          details?: Record<string, unknown>;
        };
      } | null
    )?.error;
    throw new ApiError(
      response.status,
      error?.message ?? `请求失败（${response.status}）`,
      error?.code,
      error?.fieldErrors,
      error?.details,
    );
  }
  return body as T;
}
