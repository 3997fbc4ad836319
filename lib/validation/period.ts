/** ?year=&month= of a dashboard URL. Absent means "latest"; anything else must be a valid year or month. */
export interface PeriodSearch {
  year?: number;
  month?: number;
  error?: string;
}

/** A page's query string as Next hands it over. */
export type SearchParams = Record<string, string | string[] | undefined>;
/** What a page with a query string receives. */
export type SearchPageProps = { searchParams: Promise<SearchParams> };

/** The first value of a query-string parameter (`?a=1&a=2` reads as 1). */
export function searchParam(params: SearchParams, key: string): string | undefined {
  const value = params[key];
  return Array.isArray(value) ? value[0] : value;
}

const isYear = (text: string) => /^\d{4}$/.test(text) && Number(text) >= 2000 && Number(text) <= 2100;

/**
 * ?year= of an admin page that always shows one year: the year asked for, or `fallback` with a notice naming what
 * was wrong when the parameter is not a year.
 */
export function parseYearSearch(params: SearchParams, fallback: number): { year: number; error?: string } {
  const text = searchParam(params, 'year');
  if (text === undefined || text === '') return { year: fallback };
  if (isYear(text)) return { year: Number(text) };
  return { year: fallback, error: `「年份」${text.slice(0, 20)} 无效，已显示 ${fallback} 年` };
}

export function parsePeriodSearch(params: SearchParams): PeriodSearch {
  const one = (key: string) => searchParam(params, key);
  const rawYear = one('year');
  const rawMonth = one('month');
  const result: PeriodSearch = {};
  if (rawYear) {
    if (isYear(rawYear)) result.year = Number(rawYear);
    else result.error = `「年份」${rawYear.slice(0, 20)} 无效，已显示最新年份`;
  }
  if (rawMonth) {
    if (/^\d{1,2}$/.test(rawMonth) && Number(rawMonth) >= 1 && Number(rawMonth) <= 12) result.month = Number(rawMonth);
    else result.error = `「月份」${rawMonth.slice(0, 20)} 无效，应为 1–12`;
  }
  return result;
}
