// Numbers of "select all matching" and of the keyset pager's total. Written in the organization's
// locale (the caller passes useOrgFormat().locale: the same on server and client, so no hydration
// mismatch). An estimated count (core/lists/count.ts) is rounded to two significant digits and says
// "about" (in the member's language: the caller passes its words): the planner's estimate is not good
// to the last row.
import type { MatchCount } from "@/core/lists/count";
import { numberFormat } from "@/core/format/numbers";

/** 998,734 → 1,000,000: two significant digits. */
export function roundedEstimate(value: number): number {
  const magnitude = 10 ** Math.max(0, Math.floor(Math.log10(Math.max(1, value))) - 1);
  return Math.round(value / magnitude) * magnitude;
}

/** "25", or "about 1,000,000" for an estimate. */
export function formatCount(count: MatchCount, locale = "en-US", about: (n: string) => string = (n) => `about ${n}`): string {
  const nf = numberFormat(locale)!;
  return count.exact ? nf.format(count.value) : about(nf.format(roundedEstimate(count.value)));
}
