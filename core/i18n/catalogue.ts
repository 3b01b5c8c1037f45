// The shape every translation of a catalogue must have: the English catalogue's keys, each a string.
// `es satisfies Translation<typeof en>` makes tsc fail on a missing or misspelled key, so a second
// language cannot silently fall back to English for a string someone forgot.
export type Translation<T> = { [K in keyof T]: T[K] extends string ? string : Translation<T[K]> };

/** A plugin's messages: English complete, other languages optional (typed complete when present). */
export type PluginCatalogues<T extends Record<string, unknown>> = {
  en: T;
  es?: Translation<T>;
  /**
   * Translations of the manifest's own words — its description, menu labels, page titles, permission
   * and group labels —
   * keyed by the English text the manifest gives (gettext-style, as Django's own `_()` is). The
   * manifest stays plain English for the API, logs and the CLI; the admin shows these.
   */
  labels?: { es?: Record<string, string> };
  /**
   * The plugin's server and validation messages (what its actions answer, what its form schemas say),
   * keyed by their English text like `labels`: the code, the REST API and the logs keep English, and a
   * member reads the translation in a toast or beside a field (core/i18n/texts).
   */
  texts?: { es?: Record<string, string> };
  /**
   * Messages with a value in them, as [regular expression source, replacement with $1…], tried after
   * core's patterns (core/i18n/texts/translate.ts). Keep them specific to the plugin's own wording: they
   * apply to every message a member reads.
   */
  textPatterns?: { es?: Array<[string, string]> };
};
