/** ?year=&month= of a dashboard URL. Absent means "latest"; anything else must be a valid year or month. */
export interface PeriodSearch {
  year?: number;
  month?: number;
  error?: string;
}

export function parsePeriodSearch(params: Record<string, string | string[] | undefined>): PeriodSearch {
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const rawYear = one(params.year);
  const rawMonth = one(params.month);
  const result: PeriodSearch = {};
  if (rawYear) {
    if (/^\d{4}$/.test(rawYear) && Number(rawYear) >= 2000 && Number(rawYear) <= 2100) result.year = Number(rawYear);
    else result.error = `「年份」${rawYear.slice(0, 20)} 无效，已显示最新年份`;
  }
  if (rawMonth) {
    if (/^\d{1,2}$/.test(rawMonth) && Number(rawMonth) >= 1 && Number(rawMonth) <= 12) result.month = Number(rawMonth);
    else result.error = `「月份」${rawMonth.slice(0, 20)} 无效，应为 1–12`;
  }
  return result;
}
