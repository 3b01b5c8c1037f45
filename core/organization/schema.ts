// What an owner or admin enters on /settings/organization (client-safe: the form validates with it in
// the browser, the server action again). Time zones and currencies are the ones this server's ICU
// knows, so whatever is saved can be formatted.
import { z } from "zod";
import { localeSchema } from "@/core/format/locale";

/** Canonical IANA zones this server's ICU knows, plus UTC (which Intl lists under "Etc/UTC" only). */
export function timeZones(): string[] {
  return ["UTC", ...Intl.supportedValuesOf("timeZone").filter((z) => z !== "UTC")];
}

/** ISO 4217 codes this server's ICU formats. */
export function currencies(): string[] {
  return Intl.supportedValuesOf("currency");
}

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

export const organizationSettingsInput = z.object({
  name: z.string().trim().min(1, "Give the organization a name").max(120, "At most 120 characters"),
  timezone: z.string().trim().refine(isTimeZone, { error: "Choose a time zone from the list, e.g. Europe/Madrid" }),
  currency: z
    .string()
    .trim()
    .toUpperCase()
    .refine((c) => /^[A-Z]{3}$/.test(c) && currencies().includes(c), { error: "Use a three-letter ISO 4217 code this server knows, e.g. EUR" }),
  locale: localeSchema,
});
export type OrganizationSettingsInput = z.input<typeof organizationSettingsInput>;
export type OrganizationSettings = z.output<typeof organizationSettingsInput>;
