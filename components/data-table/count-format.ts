// Numbers of the pager and of "select all matching", formatted the same on server and client (a
// fixed locale: no hydration mismatch). An estimated count (core/lists/count.ts) is rounded to two
// significant digits and says "about": the planner's estimate is not good to the last row.
import type { MatchCount } from "@/core/lists/count";

export const numberFormat = new Intl.NumberFormat("en-US");

/** "25", or "about 1,000,000" for an estimate. */
export function formatCount(count: MatchCount): string {
  if (count.exact) return numberFormat.format(count.value);
  const magnitude = 10 ** Math.max(0, Math.floor(Math.log10(Math.max(1, count.value))) - 1);
  return `about ${numberFormat.format(Math.round(count.value / magnitude) * magnitude)}`;
}
