// The languages Ritiko's interface is written in (issue 16.7). A member chooses one in the user menu
// (users.language); without a choice they get their organization's locale's language when there is a
// catalogue for it, and the login page (no member yet) follows the browser's Accept-Language. Dates,
// numbers and money follow the organization's locale either way (core/format): an English-speaking
// member of a Spanish clinic reads "1.234,50 €" in English sentences, as on the clinic's invoices.
import Negotiator from "negotiator";
import { z } from "zod";

export const LANGUAGES = ["en", "es"] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = "en";

/** Each language's name in itself, as a language menu shows them. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: "English", es: "Español" };

export const languageSchema = z.enum(LANGUAGES, { error: `Choose one of: ${LANGUAGES.join(", ")}` });

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}

/** "es-ES" → "es"; a locale whose language has no catalogue ("fr-FR") → English. */
export function languageOfLocale(locale: string): Language {
  const language = locale.split("-")[0]?.toLowerCase();
  return isLanguage(language) ? language : DEFAULT_LANGUAGE;
}

/** The best of our languages for an Accept-Language header ("es-MX,es;q=0.9,en;q=0.8" → "es"). */
export function negotiateLanguage(acceptLanguage: string | null | undefined): Language {
  if (!acceptLanguage) return DEFAULT_LANGUAGE;
  // negotiator matches a language range's primary tag too: "es-MX" picks "es".
  const best = new Negotiator({ headers: { "accept-language": acceptLanguage } }).language([...LANGUAGES]);
  return isLanguage(best) ? best : DEFAULT_LANGUAGE;
}

export type LanguageHolder = { user: { language?: string | null }; organization: { locale: string } };

/** The language a member reads: their own choice, else their organization's locale's language. */
export function memberLanguage(ctx: LanguageHolder): Language {
  const chosen = ctx.user.language;
  return isLanguage(chosen) ? chosen : languageOfLocale(ctx.organization.locale);
}
