// One language's server-message translations: core's (texts/es.ts) and every plugin's
// (`texts` in plugins/<id>/messages.ts), merged once per language. Server-side (it reads the plugin
// message registry); the admin layout hands the result to the browser for <Field>.
import type { ActionResult } from "@/core/actions/result";
import { memberLanguage, type Language, type LanguageHolder } from "../languages";
import { pluginMessages } from "../registry";
import { TEXTS_ES } from "./es";
import { translateText, type Texts } from "./translate";

const CORE: Partial<Record<Language, Texts>> = { es: TEXTS_ES };

const cache = new Map<Language, Texts | null>();
let cachedFor: ReturnType<typeof pluginMessages> | null = null;

/** Null for English (the code's own language): nothing to translate. */
export function textsFor(language: Language): Texts | null {
  if (cachedFor !== pluginMessages()) {
    cache.clear();
    cachedFor = pluginMessages();
  }
  if (cache.has(language)) return cache.get(language)!;
  const core = CORE[language];
  let texts: Texts | null = null;
  if (core) {
    const exact = { ...core.exact };
    const patterns = [...core.patterns];
    for (const m of Object.values(pluginMessages())) {
      Object.assign(exact, m.texts?.[language as "es"]);
      patterns.push(...(m.textPatterns?.[language as "es"] ?? []));
    }
    texts = { exact, patterns };
  }
  cache.set(language, texts);
  return texts;
}

/** A server action's result with its summary, message and field messages in `language`. */
export function translateResult<T>(result: ActionResult<T>, language: Language): ActionResult<T> {
  const texts = textsFor(language);
  if (!texts) return result;
  if (result.ok) return result.message === undefined ? result : { ...result, message: translateText(texts, result.message) };
  const fieldErrors = result.fieldErrors && Object.fromEntries(Object.entries(result.fieldErrors).map(([k, v]) => [k, translateText(texts, v)]));
  return { ...result, error: translateText(texts, result.error), ...(fieldErrors ? { fieldErrors } : {}) };
}

/**
 * For server-rendered text that was stored or produced in English (a job's error, a sync failure's
 * reason): `const text = textTranslator(ctx); text(item.shopifySyncError)`. The identity for English.
 */
export function textTranslator(ctx: LanguageHolder | Language): (message: string) => string {
  const texts = textsFor(typeof ctx === "string" ? ctx : memberLanguage(ctx));
  return texts ? (message) => translateText(texts, message) : (message) => message;
}
