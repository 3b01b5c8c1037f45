import type { Metadata } from "next";
import { cookies, headers } from "next/headers";
import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import { getLocale } from "next-intl/server";
import "@/app/_plugins/runtime";
import { parseTheme, THEME_COOKIE } from "@/components/shell/theme";
import { Toaster } from "@/components/ui/toaster";
import { ZodJitless } from "@/components/zod-jitless";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Ritiko", template: "%s · Ritiko" },
  description: "Multi-tenant clinic administration: patients, appointments and staff, extensible by plugins.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page is rendered per request, so that Next can put the request's CSP nonce on its scripts
  // (proxy.ts): a page prerendered at build time (the 404 page was) would carry none and be blocked.
  await headers();
  // The theme chosen in the user menu (components/shell/theme.ts); without one, the system's.
  const theme = parseTheme((await cookies()).get(THEME_COOKIE)?.value);
  // The member's language (i18n/request.ts); the provider hands its catalogue to client components.
  const language = await getLocale();
  return (
    <html lang={language} data-theme={theme === "system" ? undefined : theme}>
      <body>
        <ZodJitless />
        <NextIntlClientProvider>{children}</NextIntlClientProvider>
        <Toaster theme={theme} />
      </body>
    </html>
  );
}
