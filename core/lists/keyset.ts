// Keyset pages for the admin tables at any size. The URL says where a page is — `?after=<cursor>`
// (the page after a row), `?before=<cursor>` (the page before a row), `?last=1`, or nothing (the
// first page) — and each page is one index seek plus `pageSize + 1` rows, whatever its depth: OFFSET
// would read and discard every row before the page (page 20,000 of a million items read 1,000,000
// rows). The extra row says whether there is a page beyond. A cursor carries the position of its row
// (`n`), so the pager can say "51–100 of about 1,000,000" without counting; after rows are added or
// removed above the page, positions are off until the first page — the rows never are.
import { decodeCursor, encodeCursor, type Cursor, type CursorValueType } from "./cursor";
import type { MatchCount } from "./count";
import { first, type RawSearchParams } from "./list-params";

export type KeysetRequest =
  | { kind: "first" }
  | { kind: "last" }
  | { kind: "after"; cursor: Cursor }
  | { kind: "before"; cursor: Cursor };

/** What the table's pager shows and links to (plain data: it crosses to the client). */
export type KeysetView = {
  count: MatchCount;
  /** 1-based position of the page's first row, when known. */
  start: number | null;
  /** `?before=` of the previous page, null on the first page. */
  previous: string | null;
  /** `?after=` of the next page, null on the last page. */
  next: string | null;
};

/**
 * Where the URL asks to be. A cursor of another ordering (the sort was changed while the old URL was
 * kept) or one that is not ours (edited, truncated) shows the first page rather than an error: an
 * admin URL is typed and shared by people, and the first page is what they would be shown anyway.
 */
export function parseKeysetRequest(raw: RawSearchParams, ordering: string, type: CursorValueType): KeysetRequest {
  for (const kind of ["after", "before"] as const) {
    const value = first(raw[kind]);
    if (!value) continue;
    const decoded = decodeCursor(value, ordering, type);
    return decoded.ok ? { kind, cursor: decoded.cursor } : { kind: "first" };
  }
  return first(raw.last) === "1" ? { kind: "last" } : { kind: "first" };
}

export type KeysetSource<TRow> = {
  /** The ordering's name, written into every cursor. */
  ordering: string;
  /**
   * Up to `limit` rows of the list, in the list's order ("forward") or in reverse ("backward"),
   * starting strictly after `from` in that direction (from the start when undefined).
   */
  rows: (direction: "forward" | "backward", from: Cursor | undefined, limit: number) => Promise<TRow[]>;
  /** The row's sort value and id, as the cursor compares them. */
  key: (row: TRow) => { v: string | number; id: string };
  count: () => Promise<MatchCount>;
};

/** One page of `source` for `request`, with the cursors of its neighbours; the count runs alongside. */
export async function keysetPage<TRow>(source: KeysetSource<TRow>, request: KeysetRequest, pageSize: number): Promise<{ rows: TRow[]; view: KeysetView }> {
  const counting = source.count();
  // Awaited whatever happens to the page's query: a failed count never goes unhandled.
  const [page, count] = await Promise.all([pageOf(source, request, pageSize), counting]);
  const { rows, start, hasPrevious, hasNext } = page.kind === "restart" ? await pageOf(source, { kind: "first" }, pageSize).then(asPage) : page;
  const cursor = (row: TRow | undefined, n: number | null) =>
    row === undefined ? null : encodeCursor({ o: source.ordering, ...source.key(row), ...(n !== null && n >= 1 ? { n } : {}) });
  const resolvedStart = start ?? (request.kind === "last" && count.exact ? count.value - rows.length + 1 : null);
  return {
    rows,
    view: {
      // A list that fits on its first page is counted by it: exact, whatever the count said (an
      // estimate kept from before a bulk delete, or one that raced a change).
      count: resolvedStart === 1 && !hasNext ? { value: rows.length, exact: true } : count,
      start: resolvedStart,
      previous: hasPrevious ? cursor(rows[0], resolvedStart) : null,
      next: hasNext ? cursor(rows.at(-1), resolvedStart === null ? null : resolvedStart + rows.length - 1) : null,
    },
  };
}

type Fetched<TRow> = { kind: "page"; rows: TRow[]; start: number | null; hasPrevious: boolean; hasNext: boolean } | { kind: "restart" };

function asPage<TRow>(f: Fetched<TRow>): Extract<Fetched<TRow>, { kind: "page" }> {
  if (f.kind !== "page") throw new Error("the first page always has rows to show");
  return f;
}

// A cursor's `n` is the position of its own row: the page after it starts at n + 1, the page before
// it ends at n - 1.
async function pageOf<TRow>(source: KeysetSource<TRow>, request: KeysetRequest, pageSize: number): Promise<Fetched<TRow>> {
  if (request.kind === "first" || request.kind === "after") {
    const from = request.kind === "after" ? request.cursor : undefined;
    const fetched = await source.rows("forward", from, pageSize + 1);
    const start = from ? (from.n !== undefined ? from.n + 1 : null) : 1;
    return { kind: "page", rows: fetched.slice(0, pageSize), start, hasPrevious: from !== undefined, hasNext: fetched.length > pageSize };
  }
  const from = request.kind === "before" ? request.cursor : undefined;
  const fetched = await source.rows("backward", from, pageSize + 1);
  const atStart = fetched.length <= pageSize;
  // Fewer rows than a page before the cursor: that is the beginning of the list, shown as the first
  // page is (full, from row 1) rather than as a short page ending at the cursor.
  if (atStart && from) return { kind: "restart" };
  const rows = fetched.slice(0, pageSize).reverse();
  const start = atStart ? 1 : from?.n !== undefined && from.n - rows.length >= 1 ? from.n - rows.length : null;
  return { kind: "page", rows, start, hasPrevious: !atStart, hasNext: from !== undefined };
}
