"use client";

import { useEffect, useEffectEvent, useId, useState } from "react";
import { useTranslations } from "next-intl";
import { Search, X } from "lucide-react";
import { cn } from "@/components/ui/cn";
import { Input } from "@/components/ui/input";
import { useUrlParams } from "./use-url-params";

const DEBOUNCE_MS = 300;

export type DataTableSearchProps = {
  placeholder?: string;
  /** URL param to write; defaults to `q`. */
  param?: string;
  className?: string;
};

/** Search box that writes `?q=` (debounced) and resets the page. */
export function DataTableSearch({ placeholder, param = "q", className }: DataTableSearchProps) {
  const { get, set } = useUrlParams();
  const id = useId();
  const t = useTranslations("table");
  const urlValue = get(param) ?? "";
  const [value, setValue] = useState(urlValue);
  const [seenUrlValue, setSeenUrlValue] = useState(urlValue);
  const [lastSent, setLastSent] = useState<string | null>(null);

  // Follow URL changes made elsewhere (back button, "clear filters"), but not
  // the echo of our own debounced update, which would clobber newer typing.
  if (urlValue !== seenUrlValue) {
    setSeenUrlValue(urlValue);
    if (urlValue !== lastSent) setValue(urlValue);
  }

  function commit(next: string) {
    setLastSent(next);
    // Starting or clearing a search is a step Back undoes; typing more of one refines it in place
    // (one history entry per search, not per debounced keystroke).
    set({ [param]: next || null }, { history: urlValue && next ? "replace" : "push" });
  }

  // The timer restarts only when the text or the URL changes, not on every render.
  const commitLater = useEffectEvent((next: string) => commit(next));
  useEffect(() => {
    const next = value.trim();
    if (next === urlValue) return;
    const timer = setTimeout(() => commitLater(next), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [value, urlValue]);

  return (
    <form
      role="search"
      className={cn("relative w-full sm:max-w-xs", className)}
      onSubmit={(event) => {
        // Enter searches immediately instead of waiting for the debounce.
        event.preventDefault();
        const next = value.trim();
        if (next !== urlValue) commit(next);
      }}
    >
      <label htmlFor={id} className="sr-only">
        {t("searchLabel")}
      </label>
      <Search
        className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-muted-foreground"
        aria-hidden="true"
      />
      <Input
        id={id}
        type="search"
        value={value}
        onChange={(event) => setValue(event.target.value)}
        placeholder={placeholder ?? t("search")}
        autoComplete="off"
        spellCheck={false}
        className="pr-9 pl-9"
      />
      {value ? (
        <button
          type="button"
          onClick={() => {
            setValue("");
            if (urlValue) commit("");
          }}
          className="absolute top-1/2 right-1.5 flex size-6 -translate-y-1/2 items-center justify-center rounded text-muted-foreground hover:bg-muted hover:text-foreground"
          aria-label={t("clearSearch")}
        >
          <X className="size-4" aria-hidden="true" />
        </button>
      ) : null}
    </form>
  );
}
