import { Button } from '@/components/ui/button';
import { type ApiError } from '@/lib/client-api/client';
import { formatNumber } from '@/lib/domain/format';

/** A save refused because someone saved the figure in between (409): what they saved, by whom, and the version. */
export interface EntryConflict {
  message: string;
  value: string | null;
  version: number | null;
  savedBy: string | null;
}

export function conflictOf(error: ApiError): EntryConflict {
  const details = error.details as
    { current?: { value?: string | null; version?: number }; savedBy?: string | null } | undefined;
  return {
    message: error.message,
    value: details?.current?.value ?? null,
    version: details?.current?.version ?? null,
    savedBy: details?.savedBy ?? null,
  };
}

/** The conflict beside the row: both values, and the two ways on — keep mine (over the newer version) or take theirs. */
export function EntryConflictNotice({
  conflict,
  unit,
  value,
  onKeepMine,
  onTakeSaved,
}: {
  conflict: EntryConflict;
  unit: string;
  value: string;
  onKeepMine: () => void;
  onTakeSaved: () => void;
}) {
  return (
    <div role="alert" className="mt-3 rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
      <p>{conflict.message}</p>
      <p className="mt-1">
        已保存的值：
        <strong>{conflict.value === null ? '—' : `${formatNumber(conflict.value)}${unit}`}</strong>（
        {conflict.savedBy ?? '他人'}）；您填写的值：
        <strong>{value || '—'}</strong>（未丢失）
      </p>
      <div className="mt-2 flex gap-2">
        <Button size="sm" onClick={onKeepMine}>
          保留我的值
        </Button>
        <Button size="sm" onClick={onTakeSaved}>
          采用已保存的值
        </Button>
      </div>
    </div>
  );
}
