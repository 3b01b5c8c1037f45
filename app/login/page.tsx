import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Brand } from "@/components/shell/brand";
import { safeCallbackUrl } from "@/core/auth/callback-url";
import { LoginForm } from "./login-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("login");
  return { title: `${t("title")} · Ritiko` };
}

type LoginPageProps = {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function LoginPage({ searchParams }: LoginPageProps) {
  const params = await searchParams;
  // Only a path of this app: the login page must not be an open redirect (core/auth/callback-url.ts).
  const callbackUrl = safeCallbackUrl(params.callbackUrl);
  // The browser's language: nobody is signed in yet (i18n/request.ts).
  const t = await getTranslations("login");

  return (
    <main className="relative flex min-h-dvh flex-col items-center justify-center overflow-hidden px-4 py-12">
      {/* Soft accent wash behind the card; purely decorative. */}
      <div
        aria-hidden="true"
        className="pointer-events-none absolute inset-x-0 top-0 -z-10 h-96 bg-linear-to-b from-teal-50 to-transparent"
      />
      <div className="w-full max-w-sm">
        <div className="mb-8 flex flex-col items-center text-center">
          <Brand size="lg" />
          <p className="mt-3 text-sm text-muted-foreground">{t("tagline")}</p>
        </div>

        <div className="rounded-xl border border-border bg-surface p-6 shadow-sm sm:p-8">
          <h1 className="text-lg font-semibold text-foreground">{t("heading")}</h1>
          <p className="mt-1 text-sm text-muted-foreground">{t("intro")}</p>
          <LoginForm callbackUrl={callbackUrl} />
        </div>

        <p className="mt-6 text-center text-xs text-muted-foreground">
          {t("footer")}
        </p>
      </div>
    </main>
  );
}
