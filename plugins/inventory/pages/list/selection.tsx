"use client";
// Row selection of the inventory table, kept outside TanStack's row model: the table renders one
// server page at a time, while a selection is either ids of rows the member ticked or "all N matching"
// (the filter, re-evaluated on the server). The checkbox cells read it from this context, so the
// column definitions stay module-level constants.
import { createContext, use, useEffect, useRef } from "react";

export type SelectionState = {
  isSelected: (id: string) => boolean;
  toggle: (id: string) => void;
  /** Ids of the rows on this page. */
  pageIds: readonly string[];
  togglePage: () => void;
  /** "All N matching" is on: every checkbox shows checked. */
  allMatching: boolean;
};

export const SelectionContext = createContext<SelectionState | null>(null);

function useSelection(): SelectionState {
  const s = use(SelectionContext);
  if (!s) throw new Error("Selection checkboxes must be rendered inside <SelectionContext>");
  return s;
}

const box = "size-4 cursor-pointer rounded border-input accent-primary";

/** `label`: the checkbox's accessible name, e.g. "Select Gauze" (in the member's language). */
export function RowCheckbox({ id, label }: { id: string; label: string }) {
  const s = useSelection();
  return <input type="checkbox" className={box} aria-label={label} checked={s.allMatching || s.isSelected(id)} disabled={s.allMatching} onChange={() => s.toggle(id)} />;
}

export function PageCheckbox({ label }: { label: string }) {
  const s = useSelection();
  const ref = useRef<HTMLInputElement>(null);
  const selectedOnPage = s.pageIds.filter((id) => s.isSelected(id)).length;
  const all = s.allMatching || (s.pageIds.length > 0 && selectedOnPage === s.pageIds.length);
  const some = !all && selectedOnPage > 0;
  // "Some selected" has no HTML attribute; it is a DOM property.
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = some;
  }, [some]);
  return (
    <input
      ref={ref}
      type="checkbox"
      className={box}
      aria-label={label}
      checked={all}
      disabled={s.allMatching || s.pageIds.length === 0}
      onChange={s.togglePage}
    />
  );
}
