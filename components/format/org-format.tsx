"use client";
// The organization's way of writing dates, numbers and money (core/format/org-format.ts) for client
// components: the admin layout provides the organization's formatting once; tables, charts and forms
// call useOrgFormat(). Server components build theirs with orgFormat(ctx.organization).
import { createContext, useContext, useMemo, type ReactNode } from "react";
import { orgFormat, type OrgFormat, type OrgFormatting } from "@/core/format/org-format";

const Context = createContext<OrgFormatting | null>(null);

export function OrgFormatProvider({ formatting, children }: { formatting: OrgFormatting; children: ReactNode }) {
  // A new object per render would re-render every consumer; the three strings are the identity.
  const value = useMemo(() => ({ timezone: formatting.timezone, currency: formatting.currency, locale: formatting.locale }), [formatting.timezone, formatting.currency, formatting.locale]);
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

/** Outside a provider (a component rendered alone in a test): en-US, UTC, USD — as before locales. */
const FALLBACK: OrgFormatting = { timezone: "UTC", currency: "USD", locale: "en-US" };

export function useOrgFormat(): OrgFormat {
  const formatting = useContext(Context) ?? FALLBACK;
  return useMemo(() => orgFormat(formatting), [formatting]);
}
