// How many rows a list's filter matches, for the pager — without counting a million rows per page.
// count(*) must visit every matching row (an index-only scan at best): at 1,000,000 inventory items
// that was 100–150 ms of each admin list page (bench:inventory), more than the page itself. So a
// count is exact up to EXACT_COUNT_LIMIT rows (a LIMITed scan stops there: a few ms), and beyond it
// an estimate, shown as "about N":
//   - from a sample of the table: the same WHERE over about SAMPLE_ROWS rows (TABLESAMPLE SYSTEM, a
//     fixed seed so the same page shows the same number on every load), scaled up. The planner's own
//     estimate is not good enough for filters: it guessed 333,333 for the 58,000 low-stock items of
//     bench:inventory (a comparison of two columns gets a fixed 1/3) — a number a user would see
//     contradicted by "Select all" a moment later;
//   - from the planner (EXPLAIN, no rows read) when the sample's matches sit on too few pages to
//     scale (MIN_SAMPLE_PAGES: a small organization in a very large table).
// The page of rows never depends on the count: keyset pages (core/lists/keyset.ts) need no total.
import { Prisma } from "@/core/db/client";
import { hotQuery } from "@/core/db/pg";

export type MatchCount = {
  value: number;
  /** false: more than the exact limit matched, and `value` is an estimate. */
  exact: boolean;
};

export const EXACT_COUNT_LIMIT = 10_000;
/**
 * Rows the estimate's sample aims to read, whatever the table's size: about 10 ms at 1,450,000
 * inventory rows (20,000 took 25 ms, for an error of 6 % instead of about 8 % on the 1,000,000-row
 * organization).
 */
const SAMPLE_ROWS = 10_000;
/**
 * Sampled pages holding matches before a partial sample is scaled up. SYSTEM sampling picks whole
 * pages, and one organization's rows sit together on few pages: 150 rows on 3 pages, one of them
 * sampled at 4 %, scaled to 3,461 (measured). Spread over 30 pages or more, the error is about
 * 1/sqrt(30) — some 20 % at worst, far less for a large organization.
 */
const MIN_SAMPLE_PAGES = 30;

/** A list's rows: `FROM <table> <alias> WHERE <where>`, the WHERE scoped to the caller's organization by its builder. */
export type ListSource = { table: string; alias: string; where: Prisma.Sql };

const fromOf = (s: ListSource) => Prisma.sql`FROM ${Prisma.raw(`"${s.table}" ${s.alias}`)} WHERE ${s.where}`;

// Estimates are kept for a minute per list (table and WHERE with its values), in this process: paging
// through a large list (Next, Next, …) asks for the same count on every page, and an estimate a minute
// old is as good as a new one ("about 1,000,000"). Exact counts are never kept: after a change the
// user expects the new number. A list that shrinks below a page meanwhile is shown with its exact
// count anyway (core/lists/keyset.ts: a first page without a next page counts itself).
const ESTIMATE_TTL_MS = 60_000;
const MAX_ESTIMATES = 1_000;
const estimates = new Map<string, { value: number; at: number }>();

/** Forgets every kept estimate (benchmarks measure the first view of a list with it). */
export function forgetEstimates(): void {
  estimates.clear();
}

/** Rows matching `source`: exact up to `limit`; above it an estimate, never less than limit + 1. */
export async function countMatching(source: ListSource, limit = EXACT_COUNT_LIMIT): Promise<MatchCount> {
  const key = `${source.table}|${limit}|${source.where.sql}|${JSON.stringify(source.where.values)}`;
  const kept = estimates.get(key);
  if (kept && Date.now() - kept.at < ESTIMATE_TTL_MS) return { value: kept.value, exact: false };
  const n = await countUpTo(source, limit + 1);
  if (n <= limit) {
    estimates.delete(key);
    return { value: n, exact: true };
  }
  const value = Math.max(limit + 1, (await sampledEstimate(source)) ?? (await plannerEstimate(source)));
  if (estimates.size >= MAX_ESTIMATES) estimates.delete(estimates.keys().next().value!);
  estimates.set(key, { value, at: Date.now() });
  return { value, exact: false };
}

/**
 * Rows matching `source`, counting at most `limit` of them: the scan stops there, so "more than 99?"
 * costs 100 rows however many match (a menu badge shows "99+" anyway).
 */
export async function countUpTo(source: ListSource, limit: number): Promise<number> {
  const [row] = await hotQuery<{ n: number }>(Prisma.sql`SELECT count(*)::int AS n FROM (SELECT 1 ${fromOf(source)} LIMIT ${limit}) x`);
  return row?.n ?? 0;
}

/** The matches in a sample of about SAMPLE_ROWS rows, scaled to the table; null when too clustered to scale. */
export async function sampledEstimate(source: ListSource): Promise<number | null> {
  const [size] = await hotQuery<{ rows: number }>(Prisma.sql`SELECT reltuples::float8 AS rows FROM pg_class WHERE oid = ${`"${source.table}"`}::regclass`);
  const tableRows = size?.rows ?? -1;
  // -1: never analyzed (no idea of the size, so no sampling rate to choose).
  if (tableRows <= 0) return null;
  const percent = Math.min(100, (100 * SAMPLE_ROWS) / tableRows);
  const where = source.where;
  // A row's page is the first half of its ctid, "(page,item)". The share of matches among the rows
  // sampled, times the table's rows (a ratio estimate: the pages sampled hold more or fewer rows
  // than average, which scaling the matches by the percentage alone would carry into the result).
  const [row] = await hotQuery<{ sampled: number; hits: number; pages: number }>(Prisma.sql`
    SELECT count(*)::int AS sampled, count(*) FILTER (WHERE ${where})::int AS hits,
           count(DISTINCT (${Prisma.raw(source.alias)}.ctid::text::point)[0]) FILTER (WHERE ${where})::int AS pages
    FROM ${Prisma.raw(`"${source.table}" ${source.alias}`)} TABLESAMPLE SYSTEM (${percent}::float4) REPEATABLE (42)`);
  if (!row || row.sampled === 0) return null;
  // The whole table sampled is a count, however the rows lie.
  if (percent >= 100) return row.hits;
  return row.pages >= MIN_SAMPLE_PAGES ? Math.round((row.hits / row.sampled) * tableRows) : null;
}

/** The planner's row estimate for the source: statistics only, no rows are read. */
export async function plannerEstimate(source: ListSource): Promise<number> {
  const [row] = await hotQuery<{ "QUERY PLAN": Array<{ Plan: { "Plan Rows": number } }> }>(Prisma.sql`EXPLAIN (FORMAT JSON) SELECT 1 ${fromOf(source)}`);
  return Math.round(row?.["QUERY PLAN"][0]?.Plan["Plan Rows"] ?? 0);
}
