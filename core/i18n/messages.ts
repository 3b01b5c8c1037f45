// The whole catalogue for one language: core's and, under `plugins.<id>`, each plugin's (English where
// a plugin has no translation for the language). What the root layout hands next-intl's provider and
// what the server-side translator reads.
import type { Language } from "./languages";
import { en, type CoreMessages } from "./messages/en";
import { es } from "./messages/es";
import { pluginMessages } from "./registry";

const CORE: Record<Language, CoreMessages> = { en, es };

export type AllMessages = CoreMessages & { plugins: Record<string, Record<string, unknown>> };

const cache = new Map<Language, AllMessages>();
let cachedFor: ReturnType<typeof pluginMessages> | null = null;

export function messagesFor(language: Language): AllMessages {
  // Built once per language (and again if the plugin messages are registered anew, as tests may).
  if (cachedFor !== pluginMessages()) {
    cache.clear();
    cachedFor = pluginMessages();
  }
  let all = cache.get(language);
  if (!all) {
    const plugins = Object.fromEntries(Object.entries(pluginMessages()).map(([id, m]) => [id, (m[language as keyof typeof m] as Record<string, unknown> | undefined) ?? m.en]));
    all = { ...CORE[language], plugins };
    cache.set(language, all);
  }
  return all;
}

/** The manifest's English label in `language` (menu labels, page titles), or the label itself. */
export function pluginLabel(pluginId: string, language: Language, label: string): string {
  if (language === "en") return label;
  return pluginMessages()[pluginId]?.labels?.[language]?.[label] ?? label;
}
