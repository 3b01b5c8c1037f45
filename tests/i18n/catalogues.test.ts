// The UI's message catalogues (issue 16.7): every Spanish message has the same arguments and tags as
// its English one (a translator who drops `{count}` or renames `<b>` would print a raw placeholder or
// lose the bold), every message is valid ICU that formats, and every plugin that ships Spanish has a
// Spanish label for each word its manifest shows (menu, page titles, permissions, groups).
import "@/app/_plugins/runtime";
import {
  isArgumentElement,
  isDateElement,
  isNumberElement,
  isPluralElement,
  isSelectElement,
  isTagElement,
  isTimeElement,
  parse,
  type MessageFormatElement,
} from "@formatjs/icu-messageformat-parser";
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { LANGUAGES, languageOfLocale, memberLanguage, negotiateLanguage } from "@/core/i18n/languages";
import { messagesFor } from "@/core/i18n/messages";
import { pluginMessages } from "@/core/i18n/registry";
import { translatorFor } from "@/core/i18n/translate";
import { getPlugin, installedPluginIds } from "@/core/plugins/registry";
import type { MenuItem } from "@/core/plugins/types";

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ""): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) => (typeof value === "string" ? [[prefix + key, value] as [string, string]] : leaves(value, `${prefix}${key}.`)));
}

/** The `{argument}` and `<tag>` names a message uses, read by the ICU parser next-intl's runtime uses (throws on invalid ICU). */
function placeholders(message: string): string[] {
  const out = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const el of elements) {
      if (isArgumentElement(el) || isNumberElement(el) || isDateElement(el) || isTimeElement(el)) out.add(`{${el.value}}`);
      if (isPluralElement(el) || isSelectElement(el)) {
        out.add(`{${el.value}}`);
        for (const option of Object.values(el.options)) walk(option.value);
      }
      if (isTagElement(el)) {
        out.add(`<${el.value}>`);
        walk(el.children);
      }
    }
  };
  walk(parse(message));
  return [...out].sort();
}

const catalogues = () => LANGUAGES.map((language) => [language, messagesFor(language) as unknown as Tree] as const);

describe("message catalogues", () => {
  it("Spanish has every English key, with the same arguments and tags", () => {
    const en = new Map(leaves(messagesFor("en") as unknown as Tree));
    const es = new Map(leaves(messagesFor("es") as unknown as Tree));
    // Core's and every plugin's that ships Spanish (a plugin without one falls back to English whole).
    expect([...en.keys()].filter((key) => !es.has(key))).toEqual([]);
    const mismatched = [...en].filter(([key, message]) => placeholders(message).join() !== placeholders(es.get(key)!).join()).map(([key]) => key);
    expect(mismatched).toEqual([]);
    expect(en.size).toBeGreaterThan(150);
  });

  it("every message is valid ICU and formats in its language", () => {
    for (const [language, messages] of catalogues()) {
      const t = createTranslator({ locale: language, messages: messages as never });
      for (const [key, message] of leaves(messages)) {
        const values = Object.fromEntries(placeholders(message).filter((p) => p.startsWith("{")).map((p) => [p.slice(1, -1), 2]));
        const tags = Object.fromEntries(placeholders(message).filter((p) => p.startsWith("<")).map((p) => [p.slice(1, -1), (chunks: unknown) => chunks]));
        const out = (t.rich as unknown as (k: string, v: object) => unknown)(key, { ...values, ...tags });
        // next-intl returns the key itself when a message cannot be parsed or formatted.
        expect(out, `${language}: ${key}`).not.toBe(key);
      }
    }
  });

  it("translates with plural rules of each language", () => {
    expect(translatorFor("en", "dashboard")("patientsHint", { count: 1 })).toBe("1 added in the last 30 days");
    expect(translatorFor("es", "dashboard")("patientsHint", { count: 1 })).toBe("1 nuevo en los últimos 30 días");
    expect(translatorFor("es", "dashboard")("patientsHint", { count: 3 })).toBe("3 nuevos en los últimos 30 días");
    expect(translatorFor("es", "nav")("patients")).toBe("Pacientes");
  });

  it("each plugin that ships Spanish labels every word its manifest shows", async () => {
    for (const id of installedPluginIds()) {
      const labels = pluginMessages()[id]?.labels?.es;
      if (!pluginMessages()[id]?.es) continue;
      const manifest = (await getPlugin(id))!;
      const words = new Set<string>([manifest.description]);
      const walk = (items: readonly MenuItem[] | undefined) => items?.forEach((item) => (item.label && words.add(item.label), walk(item.children)));
      walk(manifest.menu);
      manifest.pages?.forEach((page) => words.add(page.title));
      manifest.permissions?.forEach((permission) => words.add(permission.label));
      manifest.groups?.forEach((group) => words.add(group.label));
      expect([...words].filter((word) => !labels?.[word]), `plugins/${id}/messages.ts labels.es`).toEqual([]);
    }
  });
});

describe("which language a member reads", () => {
  it("their own choice, else their organization's locale's language, else English", () => {
    expect(memberLanguage({ user: { language: "es" }, organization: { locale: "en-US" } })).toBe("es");
    expect(memberLanguage({ user: { language: null }, organization: { locale: "es-MX" } })).toBe("es");
    expect(memberLanguage({ user: { language: "en" }, organization: { locale: "es-ES" } })).toBe("en");
    expect(memberLanguage({ user: {}, organization: { locale: "fr-FR" } })).toBe("en");
    // A value no catalogue has (written by hand into the database) reads as no choice.
    expect(memberLanguage({ user: { language: "klingon" }, organization: { locale: "es-ES" } })).toBe("es");
    expect(languageOfLocale("ES-es")).toBe("es");
  });

  it("before sign-in, the browser's Accept-Language", () => {
    expect(negotiateLanguage("es-MX,es;q=0.9,en;q=0.8")).toBe("es");
    expect(negotiateLanguage("de-DE,de;q=0.9,es;q=0.5")).toBe("es");
    expect(negotiateLanguage("fr-FR,fr;q=0.9")).toBe("en");
    expect(negotiateLanguage("en-GB,es;q=0.9")).toBe("en");
    expect(negotiateLanguage(null)).toBe("en");
  });
});
