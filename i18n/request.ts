// next-intl's request configuration (wired in next.config.ts): which language and catalogue a request's
// server components and NextIntlClientProvider use. A signed-in member reads their chosen language (or
// their organization's); the login page, before anyone is signed in, follows the browser.
import { headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import "@/app/_plugins/runtime";
import { getOrgContext } from "@/core/auth/context";
import { memberLanguage, negotiateLanguage } from "@/core/i18n/languages";
import { messagesFor } from "@/core/i18n/messages";

export default getRequestConfig(async () => {
  const ctx = await getOrgContext();
  const locale = ctx ? memberLanguage(ctx) : negotiateLanguage((await headers()).get("accept-language"));
  return { locale, messages: messagesFor(locale), timeZone: ctx?.organization.timezone ?? "UTC" };
});
