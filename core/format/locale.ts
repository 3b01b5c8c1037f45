// The locales an organization can choose for how its dates, numbers and money are written (pages,
// charts, e-mails). A short list rather than any BCP 47 tag: each is one Node's ICU formats fully,
// and each is a choice a clinic recognises in a select. CSV exports and the REST API keep machine
// formats (ISO dates, plain numbers) whatever the locale, so files and scripts never change with it.
import { z } from "zod";

export const LOCALES = [
  { tag: "en-US", label: "English (United States)" },
  { tag: "en-GB", label: "English (United Kingdom)" },
  { tag: "es-ES", label: "Español (España)" },
  { tag: "es-MX", label: "Español (México)" },
  { tag: "fr-FR", label: "Français (France)" },
  { tag: "de-DE", label: "Deutsch (Deutschland)" },
  { tag: "pt-BR", label: "Português (Brasil)" },
] as const;

export type LocaleTag = (typeof LOCALES)[number]["tag"];

export const DEFAULT_LOCALE: LocaleTag = "en-US";

const TAGS = new Set<string>(LOCALES.map((l) => l.tag));

export const localeSchema = z.string().refine((v): v is LocaleTag => TAGS.has(v), { error: "Choose one of the listed locales" });

/** A stored value this server no longer offers (a row edited by hand) is written in the default. */
export function knownLocale(value: string | null | undefined): LocaleTag {
  return value && TAGS.has(value) ? (value as LocaleTag) : DEFAULT_LOCALE;
}
