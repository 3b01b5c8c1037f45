// Numbers of "select all matching" and of the keyset pager's total. Written in the organization's
// locale (the caller passes useOrgFormat().locale: the same on server and client, so no hydration
// mismatch). An estimated count (core/lists/count.ts) is rounded to two significant digits and says
// "about": the planner's estimate is not good to the last row.
import type { MatchCount } from "@/core/lists/count";
import { numberFormat } from "@/core/format/numbers";

/** "25", or "about 1,000,000" for an estimate. */
export function formatCount(count: MatchCount, locale = "en-US"): string {
  const nf = numberFormat(locale)!;
  if (count.exact) return nf.format(count.value);
  const magnitude = 10 ** Math.max(0, Math.floor(Math.log10(Math.max(1, count.value))) - 1);
  return `about ${nf.format(Math.round(count.value / magnitude) * magnitude)}`;
}
