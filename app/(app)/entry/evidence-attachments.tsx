'use client';
/**
 * 佐证材料 of one figure on the entry form: drop files on the area or pick them, each uploaded on its own
 * (the server decides the type from the bytes; its Chinese refusal is shown as is); the list with download
 * links, and remove buttons while the figure is editable.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import { EvidenceList, type EvidenceListEntry } from '@/components/kpi/evidence-list';
import { ApiError, fetchJson } from '@/lib/client-api/client';
import {
  EVIDENCE_ALLOWED_TEXT,
  EVIDENCE_MAX_BYTES,
  EVIDENCE_MAX_PER_FIGURE,
  EVIDENCE_TOO_LARGE,
} from '@/lib/domain/evidence-file';

const ACCEPT = '.pdf,.jpg,.jpeg,.png,.docx,.xlsx,application/pdf,image/jpeg,image/png';

async function uploadOne(actualId: number, file: File): Promise<void> {
  const form = new FormData();
  form.append('file', file, file.name);
  let response: Response;
  try {
    response = await fetch(`/api/actuals/${actualId}/evidence`, {
      method: 'POST',
      body: form,
      headers: { Accept: 'application/json' },
    });
  } catch {
    throw new ApiError(0, '无法连接服务器，请检查网络后重试');
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new ApiError(response.status, body?.error?.message ?? `上传失败（${response.status}）`);
  }
}

export function EvidenceAttachments({
  actualId,
  items,
  editable,
}: {
  actualId: number | null;
  items: readonly EvidenceListEntry[];
  editable: boolean;
}) {
  const queryClient = useQueryClient();
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const [busy, setBusy] = useState(false);
  const [removing, setRemoving] = useState<number | null>(null);
  const [message, setMessage] = useState<{ text: string; isError: boolean } | null>(null);

  const refresh = () => queryClient.invalidateQueries({ queryKey: ['entry'] });

  async function upload(files: File[]) {
    if (actualId === null || !files.length) return;
    setBusy(true);
    const problems: string[] = [];
    let done = 0;
    for (const file of files) {
      if (file.size > EVIDENCE_MAX_BYTES) {
        problems.push(`${file.name}：${EVIDENCE_TOO_LARGE}`);
        continue;
      }
      try {
        await uploadOne(actualId, file);
        done += 1;
      } catch (error) {
        problems.push(`${file.name}：${error instanceof Error ? error.message : '上传失败'}`);
      }
    }
    setBusy(false);
    if (input.current) input.current.value = '';
    setMessage(
      problems.length
        ? { text: problems.join('；'), isError: true }
        : { text: `已上传 ${done} 个文件`, isError: false },
    );
    if (done) await refresh();
  }

  async function remove(item: EvidenceListEntry) {
    setRemoving(item.id);
    try {
      await fetchJson(`/api/evidence/${item.id}`, { method: 'DELETE' });
      setMessage({ text: `已删除「${item.fileName}」`, isError: false });
      await refresh();
    } catch (error) {
      setMessage({ text: error instanceof Error ? error.message : '删除失败', isError: true });
    } finally {
      setRemoving(null);
    }
  }

  const canAttach = editable && actualId !== null && items.length < EVIDENCE_MAX_PER_FIGURE;
  return (
    <section aria-label="佐证材料" className="sm:col-span-12">
      <h4 className="text-xs text-gray-700">
        佐证材料（{items.length}/{EVIDENCE_MAX_PER_FIGURE}）
      </h4>
      <div className="mt-1 space-y-2">
        <EvidenceList
          items={items}
          onRemove={editable ? (item) => void remove(item) : undefined}
          busyId={removing}
          emptyText={editable ? undefined : '无'}
        />
        {editable && actualId === null ? <p className="text-xs text-gray-500">保存草稿后即可上传佐证材料</p> : null}
        {canAttach ? (
          <div
            onDragOver={(e) => {
              e.preventDefault();
              setDragging(true);
            }}
            onDragLeave={() => setDragging(false)}
            onDrop={(e) => {
              e.preventDefault();
              setDragging(false);
              void upload(Array.from(e.dataTransfer.files));
            }}
            className={`rounded border-2 border-dashed px-3 py-3 text-center text-xs focus-within:ring-2 focus-within:ring-red-600 ${dragging ? 'border-red-600 bg-red-50' : 'border-gray-300 bg-gray-50'}`}
          >
            <p className="text-gray-600">
              将文件拖到此处，或
              <label htmlFor={inputId} className="mx-1 cursor-pointer text-red-800 underline">
                选择文件
              </label>
              （{EVIDENCE_ALLOWED_TEXT}，每个不超过 {EVIDENCE_MAX_BYTES / 1024 / 1024} MB）
            </p>
            <input
              id={inputId}
              ref={input}
              type="file"
              multiple
              accept={ACCEPT}
              disabled={busy}
              aria-label="上传佐证材料"
              className="sr-only"
              onChange={(e) => void upload(Array.from(e.target.files ?? []))}
            />
            {busy ? <p className="mt-1 text-gray-600">正在上传…</p> : null}
          </div>
        ) : null}
        {message ? (
          <p
            role={message.isError ? 'alert' : 'status'}
            className={`text-xs ${message.isError ? 'text-red-700' : 'text-gray-700'}`}
          >
            {message.text}
          </p>
        ) : null}
      </div>
    </section>
  );
}
