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
export function memoizeByKey<T, A extends unknown[] = []>(build: (key: string, ...args: A) => T): (key: string, ...args: A) => T {
  const cache = new Map<string, T>();
  return (key, ...args) => {
    let value = cache.get(key);
    if (value === undefined) {
      // `args` are used only to build: the key must determine them (e.g. the language of translators).
      value = build(key, ...args);
      cache.set(key, value);
    }
    return value;
  };
}
