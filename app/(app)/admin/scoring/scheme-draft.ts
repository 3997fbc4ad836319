/** The form's copy of a scheme: each item keeps its work area (a row added to an area has no indicator yet). */
import type { SchemeBody, SchemeItem } from '@/lib/domain/scoring';
import type { AreaSlug } from '@/lib/domain/types';
import type { ScoringAdminView } from '@/lib/services/scoring/scoring';

export type DraftItem = SchemeItem & { area: AreaSlug };
export type Draft = Omit<SchemeBody, 'items'> & { items: DraftItem[] };
export type AdminData = ScoringAdminView;
/** What each part of the scheme form gets: the draft, the page's data, and how to change the draft. */
export type SchemePartProps = { draft: Draft; data: AdminData; edit: (p: Partial<Draft>) => void };

export const INPUT = 'rounded border border-gray-300 px-2 py-1 text-sm';

export const EMPTY_DRAFT: Draft = {
  areas: [],
  items: [],
  latePoints: '0.5',
  returnedPoints: '1',
  deductionCap: '5',
  bonuses: [],
  bonusCap: '3',
};

export function toDraft(body: SchemeBody, data: AdminData): Draft {
  const areaOf = new Map(data.indicators.map((i) => [i.code, i.area]));
  const items = body.items.map((item) => ({
    ...item,
    area: areaOf.get(item.indicatorCode) ?? body.areas[0]?.area ?? 'investment',
  }));
  return { ...body, items };
}

/** The body sent: items in the order of their areas, without the form's own area field. */
export function toBody(draft: Draft): SchemeBody {
  const items = draft.areas.flatMap((a) =>
    draft.items.filter((i) => i.area === a.area).map(({ area: _area, ...item }) => item),
  );
  const orphans = draft.items
    .filter((i) => !draft.areas.some((a) => a.area === i.area))
    .map(({ area: _area, ...item }) => item);
  return { ...draft, items: [...items, ...orphans] };
}

/** A sum as typed so far, to six decimals (the server checks it exactly). */
export function sumOf(values: string[]): number {
  return Math.round(values.reduce((s, v) => s + (Number(v) || 0), 0) * 1e6) / 1e6;
}
