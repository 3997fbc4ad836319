/**
 * Figures by month for the tests, written as [month, value] pairs in the order given (an unsorted series stays
 * unsorted). Pure, so the lib/domain tests may import it too (tests/helpers/pure: see eslint.config.mjs).
 */
export function monthValues<V>(...pairs: [month: number, value: V][]): { month: number; value: V }[] {
  return pairs.map(([month, value]) => ({ month, value }));
}
