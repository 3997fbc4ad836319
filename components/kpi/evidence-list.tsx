/** The 佐证材料 files of one figure: name (a download link), size, who attached it; a remove button when given one. */
import { formatShanghaiDateTime } from '@/lib/domain/datetime';
import { formatFileSize } from '@/lib/domain/evidence-file';
import { Button } from '@/components/ui/button';

export interface EvidenceListEntry {
  id: number;
  fileName: string;
  size: number;
  uploadedBy?: string | null;
  uploadedAt?: string | null;
}

export function EvidenceList({
  items,
  onRemove,
  busyId,
  emptyText,
}: {
  items: readonly EvidenceListEntry[];
  onRemove?: (item: EvidenceListEntry) => void;
  busyId?: number | null;
  emptyText?: string;
}) {
  if (!items.length) return emptyText ? <p className="text-xs text-gray-500">{emptyText}</p> : null;
  return (
    <ul aria-label="佐证材料文件" className="space-y-1 text-sm">
      {items.map((item) => (
        <li key={item.id} className="flex flex-wrap items-center gap-x-2 gap-y-0.5">
          <a href={`/api/evidence/${item.id}`} download={item.fileName} className="break-all text-red-800 underline">
            {item.fileName}
          </a>
          <span className="text-xs text-gray-500">{formatFileSize(item.size)}</span>
          {item.uploadedBy || item.uploadedAt ? (
            <span className="text-xs text-gray-500">
              {item.uploadedBy ?? ''}
              {item.uploadedAt ? ` ${formatShanghaiDateTime(item.uploadedAt)}` : ''}
            </span>
          ) : null}
          {onRemove ? (
            <Button
              disabled={busyId === item.id}
              onClick={() => onRemove(item)}
              aria-label={`删除 ${item.fileName}`}
              size="sm"
            >
              删除
            </Button>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
