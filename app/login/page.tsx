import type { Metadata } from "next";
import { Brand } from "@/components/shell/brand";
import { safeCallbackUrl } from "@/core/auth/callback-url";
import { LoginForm } from "./login-form";

export const metadata: Metadata = {
  title: "Sign in · Ritiko",
};

type LoginPageProps = {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function LoginPage({ searchParams }: LoginPageProps) {
  const params = await searchParams;
  // Only a path of this app: the login page must not be an open redirect (core/auth/callback-url.ts).
  const callbackUrl = safeCallbackUrl(params.callbackUrl);

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
          <p className="mt-3 text-sm text-muted-foreground">Patients, appointments and staff for your clinics, in one place.</p>
        </div>

        <div className="rounded-xl border border-border bg-surface p-6 shadow-sm sm:p-8">
          <h1 className="text-lg font-semibold text-foreground">Sign in to your account</h1>
          <p className="mt-1 text-sm text-muted-foreground">Use the email address your clinic registered for you.</p>
          <LoginForm callbackUrl={callbackUrl} />
        </div>

        <p className="mt-6 text-center text-xs text-muted-foreground">
          Access is limited to authorized clinic staff. Ask your organization&apos;s administrator if you need an account.
        </p>
      </div>
    </main>
  );
}
