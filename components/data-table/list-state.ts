import type { KeysetView } from "@/core/lists/keyset";

// What a server-rendered list page hands its client table: one page of rows and the URL state that
// produced it. Shared so every list table takes the same props.
export type ServerListState<TRow> = {
  rows: TRow[];
  total: number;
  page: number;
  pageSize: number;
  sort: string;
  dir: "asc" | "desc";
};

/** The same for a keyset-paged list (core/lists/keyset.ts): where the page is instead of its number. */
export type KeysetListState<TRow> = {
  rows: TRow[];
  paging: KeysetView;
  pageSize: number;
  sort: string;
  dir: "asc" | "desc";
};

/**
 * Column definitions built per key (e.g. the organization's time zone) and kept with a stable
 * identity, as TanStack Table wants, instead of being rebuilt on every render.
 */
export function memoizeByKey<T>(build: (key: string) => T): (key: string) => T {
  const cache = new Map<string, T>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined) {
      value = build(key);
      cache.set(key, value);
    }
    return value;
  };
}
