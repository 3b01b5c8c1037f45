// A resource's display words — its label, its fields' labels and hints, its options' labels and
// descriptions — in the member's language, for the import screens. The resource itself stays English:
// field labels are also the CSV header an export writes and the names the automatic mapping matches, so
// files stay the same whoever reads the screens. A plugin's resource is translated through the
// plugin's `labels` map (messages.ts, gettext-style: keyed by the English text), core's through
// core's (core/i18n/labels.ts); text with no translation is shown as it is.
import { CORE_LABELS } from "@/core/i18n/labels";
import type { Language } from "@/core/i18n/languages";
import { pluginLabel } from "@/core/i18n/messages";
import { resourcePluginId } from "./registry";
import type { ImportField, ImportResourceOption } from "./types";

/** The resource's text `text` in `language` (the English text when there is no translation). */
export function resourceWord(resourceId: string, language: Language, text: string): string {
  if (language === "en") return text;
  const pluginId = resourcePluginId(resourceId);
  return pluginId ? pluginLabel(pluginId, language, text) : (CORE_LABELS[language]?.[text] ?? text);
}

type Shown = { id: string; label: string; fields: ImportField[]; options?: ImportResourceOption[] };

/** The resource's label, fields and options with their words in `language` (everything else as it is). */
export function resourceInLanguage<R extends Shown>(resource: R, language: Language): R {
  if (language === "en") return resource;
  const w = (text: string) => resourceWord(resource.id, language, text);
  return {
    ...resource,
    label: w(resource.label),
    fields: resource.fields.map((f) => ({ ...f, label: w(f.label), ...(f.hint ? { hint: w(f.hint) } : {}) })),
    ...(resource.options ? { options: resource.options.map((o) => ({ ...o, label: w(o.label), description: w(o.description) })) } : {}),
  };
}
