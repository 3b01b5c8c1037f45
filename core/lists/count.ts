// How many rows a list's filter matches, for the pager — without counting a million rows per page.
// count(*) must visit every matching row (an index-only scan at best): at 1,000,000 inventory items
// that was 100–150 ms of each admin list page (bench:inventory), more than the page itself. So a
// count is exact up to EXACT_COUNT_LIMIT rows (a LIMITed scan stops there: a few ms), and beyond it
// the planner's estimate from the table's statistics (EXPLAIN, no rows read), shown as "about N".
// The page of rows never depends on the count: keyset pages (core/lists/keyset.ts) need no total.
import { Prisma } from "@/core/db/client";
import { hotQuery } from "@/core/db/pg";

export type MatchCount = {
  value: number;
  /** false: more than the exact limit matched, and `value` is the planner's estimate. */
  exact: boolean;
};

export const EXACT_COUNT_LIMIT = 10_000;

/**
 * Rows matching `from`, a `FROM … WHERE …` clause (already scoped to the caller's organization by
 * its builder). Exact up to `limit`; above it the planner's estimate, never less than limit + 1.
 */
export async function countMatching(from: Prisma.Sql, limit = EXACT_COUNT_LIMIT): Promise<MatchCount> {
  const n = await countUpTo(from, limit + 1);
  if (n <= limit) return { value: n, exact: true };
  return { value: Math.max(limit + 1, await estimateRows(from)), exact: false };
}

/**
 * Rows matching `from`, counting at most `limit` of them: the scan stops there, so "more than 99?"
 * costs 100 rows however many match (a menu badge shows "99+" anyway).
 */
export async function countUpTo(from: Prisma.Sql, limit: number): Promise<number> {
  const [row] = await hotQuery<{ n: number }>(Prisma.sql`SELECT count(*)::int AS n FROM (SELECT 1 ${from} LIMIT ${limit}) x`);
  return row?.n ?? 0;
}

/** The planner's row estimate for `SELECT 1 <from>`: statistics only, no rows are read. */
export async function estimateRows(from: Prisma.Sql): Promise<number> {
  const [row] = await hotQuery<{ "QUERY PLAN": Array<{ Plan: { "Plan Rows": number } }> }>(Prisma.sql`EXPLAIN (FORMAT JSON) SELECT 1 ${from}`);
  return Math.round(row?.["QUERY PLAN"][0]?.Plan["Plan Rows"] ?? 0);
}
