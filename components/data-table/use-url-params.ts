"use client";

import { createContext, use, useCallback, useEffect, useTransition, type TransitionStartFunction } from "react";
import { usePathname, useRouter, useSearchParams, type ReadonlyURLSearchParams } from "next/navigation";

export type UrlTransition = {
  isPending: boolean;
  startTransition: TransitionStartFunction;
};

/**
 * Lets controls rendered inside a `<DataTable>` (search, filter selects in the
 * toolbar) share the table's transition, so the table shows one busy state
 * for any URL change.
 */
export const UrlTransitionContext = createContext<UrlTransition | null>(null);

/**
 * A navigation only commits (and useSearchParams only updates) after the
 * server responds. Remember the last URL requested from here so quick
 * successive updates (pick a filter, then type a search) build on each other
 * instead of the second one silently dropping the first.
 */
let requested: { pathname: string; search: string } | null = null;

export type UrlParamUpdates = Record<string, string | null | undefined>;

/** Where in the list a page is: a numbered page, or a keyset page's cursor (core/lists/keyset.ts). */
export const PAGING_PARAMS = ["page", "after", "before", "last"] as const;

export type UseUrlParamsResult = {
  /** The committed search params (what the server rendered). */
  searchParams: ReadonlyURLSearchParams;
  get: (key: string) => string | null;
  /**
   * Merge updates into the URL (null/undefined/"" removes a key), keep every
   * other param, and go back to the first page unless the updates say where
   * to page (any of PAGING_PARAMS). Each change is a browser history entry,
   * so Back undoes a filter, sort or page change; `history: "replace"` for
   * changes that refine the last one (typing more of a search).
   */
  set: (updates: UrlParamUpdates, options?: { history?: "push" | "replace" }) => void;
  isPending: boolean;
};

export function useUrlParams(options: { transition?: UrlTransition } = {}): UseUrlParamsResult {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const shared = use(UrlTransitionContext);
  const [ownPending, ownStartTransition] = useTransition();
  const transition = options.transition ?? shared ?? { isPending: ownPending, startTransition: ownStartTransition };
  const { startTransition } = transition;
  const current = searchParams.toString();

  // Forget the request once it has committed, or once we are on another page.
  useEffect(() => {
    if (requested && (requested.pathname !== pathname || requested.search === current)) requested = null;
  }, [pathname, current]);
  useEffect(() => () => void (requested = null), []);

  const set = useCallback(
    (updates: UrlParamUpdates, options: { history?: "push" | "replace" } = {}) => {
      const base = requested && requested.pathname === pathname ? requested.search : current;
      const params = new URLSearchParams(base);
      for (const [key, value] of Object.entries(updates)) {
        if (value == null || value === "") params.delete(key);
        else params.set(key, value);
      }
      // Any change to what is listed invalidates the current page number or cursor: a cursor of
      // another sort or filter would point into a different list.
      if (!PAGING_PARAMS.some((key) => key in updates)) for (const key of PAGING_PARAMS) params.delete(key);

      const search = params.toString();
      if (search === base) return;
      requested = { pathname, search };
      const href = search ? `${pathname}?${search}` : pathname;
      startTransition(() => {
        if (options.history === "replace") router.replace(href, { scroll: false });
        else router.push(href, { scroll: false });
      });
    },
    [current, pathname, router, startTransition],
  );

  const get = useCallback((key: string) => searchParams.get(key), [searchParams]);

  return { searchParams, get, set, isPending: transition.isPending };
}
