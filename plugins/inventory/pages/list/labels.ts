"use client";
// Words of the list's bulk actions and counts, for the bar, its confirmations and the progress bar: in
// the member's language, with numbers in the organization's locale (useOrgFormat: the same on server
// and client, so no hydration mismatch).
import { useTranslations } from "next-intl";
import { useOrgFormat } from "@/components/format/org-format";
import { roundedEstimate } from "@/components/data-table/count-format";
import { numberFormat } from "@/core/format/numbers";
import type { MatchCount } from "@/core/lists/count";

export type CountWords = {
  /** "12,000" */
  count: (n: number) => string;
  /** "25 items" */
  items: (n: number) => string;
  /** "25 items", or "about 1,000,000 items" when the list's count is an estimate. */
  itemsCounted: (c: MatchCount) => string;
  /** "25", or "about 1,000,000". */
  counted: (c: MatchCount) => string;
};

export function useCountWords(): CountWords {
  const { locale } = useOrgFormat();
  const t = useTranslations("plugins.inventory.count");
  const count = (n: number) => numberFormat(locale)!.format(n);
  const items = (n: number) => t("items", { n: count(n), count: n });
  return {
    count,
    items,
    itemsCounted: (c) => (c.exact ? items(c.value) : t("aboutItems", { n: count(roundedEstimate(c.value)) })),
    counted: (c) => (c.exact ? count(c.value) : t("about", { n: count(roundedEstimate(c.value)) })),
  };
}
