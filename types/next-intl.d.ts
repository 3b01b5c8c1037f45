// next-intl's typed keys: core's English catalogue plus every plugin's under `plugins.<id>`, so
// `useTranslations("plugins.hello.form")("submit")` is checked by tsc, typos included.
import type { pluginMessages } from "@/app/_plugins/messages.generated";
import type { Language } from "@/core/i18n/languages";
import type { CoreMessages } from "@/core/i18n/messages/en";

type PluginEnglish = { [Id in keyof typeof pluginMessages]: (typeof pluginMessages)[Id]["en"] };

declare module "next-intl" {
  interface AppConfig {
    Locale: Language;
    Messages: CoreMessages & { plugins: PluginEnglish };
  }
}
