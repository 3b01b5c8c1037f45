// Parses list-page URL parameters (page, pageSize, sort, dir, q) into safe values. Unknown sort
// columns fall back to the default instead of reaching the database; out-of-range pages are clamped.
import { z } from "zod";
import { wholeNumberInput } from "@/core/validation/whole-number";

export const PAGE_SIZES = [10, 20, 50, 100] as const;

export type ListParams<S extends string> = { page: number; pageSize: number; sort: S; dir: "asc" | "desc"; q: string };
export type RawSearchParams = Record<string, string | string[] | undefined>;

export function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export function parseListParams<S extends string>(
  raw: RawSearchParams,
  sortable: readonly S[],
  defaults: { sort: S; dir: "asc" | "desc"; pageSize?: number },
): ListParams<S> {
  const page = wholeNumberInput().pipe(z.number().min(1).max(1_000_000)).catch(1).parse(first(raw.page) ?? 1);
  const sizeRaw = wholeNumberInput().catch(defaults.pageSize ?? 20).parse(first(raw.pageSize) ?? defaults.pageSize ?? 20);
  const pageSize = (PAGE_SIZES as readonly number[]).includes(sizeRaw) ? sizeRaw : (defaults.pageSize ?? 20);
  const sortRaw = first(raw.sort);
  const sort = sortable.includes(sortRaw as S) ? (sortRaw as S) : defaults.sort;
  const dirRaw = first(raw.dir);
  const dir = dirRaw === "asc" || dirRaw === "desc" ? dirRaw : defaults.dir;
  const q = (first(raw.q) ?? "").trim().slice(0, 200);
  return { page, pageSize, sort, dir, q };
}

/** The page actually shown: a page past the end shows the last page rather than an empty table. */
export function clampPage(page: number, pageSize: number, total: number): number {
  const last = Math.max(1, Math.ceil(total / pageSize));
  return Math.min(page, last);
}
