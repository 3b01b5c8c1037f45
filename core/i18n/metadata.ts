// A page's <title> in the member's language: `export const generateMetadata = titleFrom("patients.title")`.
// Next renders the title from the request (i18n/request.ts picks the language).
import type { Metadata } from "next";
import type { MessageKeys, NestedKeyOf } from "next-intl";
import { getTranslations } from "next-intl/server";
import type { CoreMessages } from "./messages/en";

export type CoreMessageKey = MessageKeys<CoreMessages, NestedKeyOf<CoreMessages>>;

export function titleFrom(key: CoreMessageKey): () => Promise<Metadata> {
  return async () => ({ title: (await getTranslations())(key) });
}
