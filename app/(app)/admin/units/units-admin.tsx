'use client';
/** /admin/units: the units (县区) list, adding one and changing one; every write audited by the server. */
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { fetchJson } from '@/lib/client-api/client';
import { UNIT_KINDS, type UnitKind } from '@/lib/domain/types';
import { UNIT_KIND_LABELS } from '@/lib/domain/units';
import type { UnitSummary } from '@/lib/services/units/units';
import { AdminListHeader } from '../_shared/admin-list';
import { INLINE_INPUT, InlineInput, InlineSelect } from '../_shared/inline-field';
import { Button } from '@/components/ui/button';
import { labelledOptions, Options } from '@/components/ui/options';
import { Notice } from '@/components/ui/notice';
import { DataTable, RowActions } from '@/components/ui/table';

function problem(error: unknown): string {
  return error instanceof Error ? error.message : '保存失败';
}

function EditRow({ unit, onDone }: { unit: UnitSummary; onDone: (message: string | null, error?: string) => void }) {
  const [name, setName] = useState(unit.name);
  const [kind, setKind] = useState<UnitKind>(unit.kind);
  const [sortOrder, setSortOrder] = useState(String(unit.sortOrder));
  const [pending, setPending] = useState(false);
  const save = async (event: FormEvent) => {
    event.preventDefault();
    setPending(true);
    try {
      await fetchJson(`/api/admin/units/${unit.code}`, {
        method: 'PATCH',
        body: JSON.stringify({ name, kind, sortOrder: Number(sortOrder) }),
      });
      onDone(`已保存县区 ${name}`);
    } catch (error) {
      onDone(null, problem(error));
    } finally {
      setPending(false);
    }
  };
  return (
    <form onSubmit={(e) => void save(e)} className="flex flex-wrap items-center gap-2">
      <label className="sr-only" htmlFor={`name-${unit.code}`}>
        县区名称
      </label>
      <input id={`name-${unit.code}`} className={INLINE_INPUT} value={name} onChange={(e) => setName(e.target.value)} />
      <label className="sr-only" htmlFor={`kind-${unit.code}`}>
        类型
      </label>
      <select
        id={`kind-${unit.code}`}
        className={INLINE_INPUT}
        value={kind}
        onChange={(e) => setKind(e.target.value as UnitKind)}
      >
        <Options options={labelledOptions(UNIT_KINDS, UNIT_KIND_LABELS)} />
      </select>
      <label className="sr-only" htmlFor={`sort-${unit.code}`}>
        排序
      </label>
      <input
        id={`sort-${unit.code}`}
        className={`${INLINE_INPUT} w-16`}
        inputMode="numeric"
        value={sortOrder}
        onChange={(e) => setSortOrder(e.target.value)}
      />
      <Button type="submit" size="sm" disabled={pending}>
        保存
      </Button>
      <Button size="sm" onClick={() => onDone(null)}>
        取消
      </Button>
    </form>
  );
}

export function UnitsAdmin({ units }: { units: UnitSummary[] }) {
  const router = useRouter();
  const [editing, setEditing] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [draft, setDraft] = useState({ code: '', name: '', kind: 'county' as UnitKind });
  const finish = (message: string | null, failure?: string) => {
    setError(failure ?? null);
    if (failure) return;
    setEditing(null);
    setNotice(message);
    router.refresh();
  };
  const create = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await fetchJson('/api/admin/units', { method: 'POST', body: JSON.stringify(draft) });
      setDraft({ code: '', name: '', kind: 'county' });
      finish(`已新建县区 ${draft.name}`);
    } catch (e) {
      finish(null, problem(e));
    }
  };
  const toggle = async (unit: UnitSummary) => {
    try {
      await fetchJson(`/api/admin/units/${unit.code}`, {
        method: 'PATCH',
        body: JSON.stringify({ isActive: !unit.isActive }),
      });
      finish(`${unit.isActive ? '已停用' : '已启用'}县区 ${unit.name}`);
    } catch (e) {
      finish(null, problem(e));
    }
  };
  return (
    <div className="space-y-4">
      <AdminListHeader
        title="县区管理"
        summary={`共 ${units.length} 个；县区不删除，不再使用时停用。区、县计入全市汇总，开发区并列显示但不计入。`}
      />
      {notice ? <Notice tone="success">{notice}</Notice> : null}
      {error ? <Notice tone="error">{error}</Notice> : null}
      <form
        onSubmit={(e) => void create(e)}
        className="flex flex-wrap items-end gap-2 rounded-lg border border-gray-200 bg-white p-3 shadow-sm"
        aria-label="新建县区"
      >
        <InlineInput
          label="县区代码"
          value={draft.code}
          onChange={(code) => setDraft({ ...draft, code })}
          placeholder="如 gaoxin"
        />
        <InlineInput label="县区名称" value={draft.name} onChange={(name) => setDraft({ ...draft, name })} />
        <InlineSelect
          label="类型"
          value={draft.kind}
          onChange={(kind) => setDraft({ ...draft, kind })}
          options={labelledOptions(UNIT_KINDS, UNIT_KIND_LABELS)}
        />
        <Button type="submit" variant="primary">
          新建县区
        </Button>
      </form>
      <DataTable headers={['代码', '名称 / 类型 / 排序', '状态', '操作']} minWidth="min-w-[640px]">
        {units.map((u) => (
          <tr key={u.code}>
            <td className="px-3 py-2 font-mono text-xs">{u.code}</td>
            <td className="px-3 py-2">
              {editing === u.code ? (
                <EditRow unit={u} onDone={finish} />
              ) : (
                <>
                  {u.name}
                  <span className="ml-2 text-xs text-gray-500">
                    {UNIT_KIND_LABELS[u.kind]} · {u.sortOrder}
                  </span>
                </>
              )}
            </td>
            <td className="px-3 py-2 text-xs">{u.isActive ? '启用' : '已停用'}</td>
            <RowActions
              actions={[
                { label: '修改', onClick: () => setEditing(u.code) },
                { label: u.isActive ? '停用' : '启用', onClick: () => void toggle(u) },
              ]}
            />
          </tr>
        ))}
      </DataTable>
    </div>
  );
}
