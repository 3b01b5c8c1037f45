// Server-side translation for code that has the member's context: pages, plugin pages (also when the
// test kit renders them, outside Next), widgets, e-mails. next-intl's createTranslator (from use-intl) with the same
// catalogue the browser gets, so a server string and a client string of one key always agree.
// use-intl's core (next-intl's own engine, the same version): no React, so the CLI and job workers, which
// load plugin handlers under the react-server condition outside Next, can translate too ("next-intl"
// there resolves to its React build and fails to load).
import { createTranslator, type NamespaceKeys, type NestedKeyOf } from "use-intl/core";
import { memberLanguage, type Language, type LanguageHolder } from "./languages";
import { messagesFor } from "./messages";
import type { CoreMessages } from "./messages/en";

type CoreNamespace = NamespaceKeys<CoreMessages, NestedKeyOf<CoreMessages>>;

// One translator per catalogue and namespace, kept: a fresh createTranslator parses each ICU message
// again (measured ~130 µs per call against ~10 µs with a kept one), and pages, menus and every server
// action ask for one. Keyed by the catalogue object, so a catalogue rebuilt (plugin messages registered
// anew) gets new translators.
const kept = new WeakMap<object, Map<string, unknown>>();

function keep<T>(messages: object, key: string, make: () => T): T {
  let byKey = kept.get(messages);
  if (!byKey) kept.set(messages, (byKey = new Map()));
  let translator = byKey.get(key) as T | undefined;
  if (!translator) byKey.set(key, (translator = make()));
  return translator;
}

/** `const t = translatorFor(ctx, "patients"); t("title")`: typed keys of core's catalogue. */
export function translatorFor<N extends CoreNamespace>(ctx: LanguageHolder | Language, namespace: N) {
  const language = typeof ctx === "string" ? ctx : memberLanguage(ctx);
  const messages = messagesFor(language) as CoreMessages;
  return keep(messages, `core:${namespace}`, () => createTranslator<CoreMessages, N>({ locale: language, messages, namespace }));
}

/**
 * A plugin's translator: `pluginTranslator<typeof messages.en>(ctx, "hello")("page.title")`. The keys
 * are typed by the plugin's own English catalogue.
 */
export function pluginTranslator<M extends Record<string, unknown>>(ctx: LanguageHolder | Language, pluginId: string) {
  const language = typeof ctx === "string" ? ctx : memberLanguage(ctx);
  const all = messagesFor(language);
  const messages = (all.plugins[pluginId] ?? {}) as M;
  return keep(all, `plugin:${pluginId}`, () => createTranslator<M>({ locale: language, messages }));
}

/** What pluginTranslator hands out, for components that take the page's translator as a prop. */
export type PluginTranslator<M extends Record<string, unknown>> = ReturnType<typeof pluginTranslator<M>>;
