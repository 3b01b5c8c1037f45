"use client";

import { useMemo, useState } from "react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { z } from "zod";
import { CircleAlert, Eye, EyeOff } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

type LoginText = ReturnType<typeof useTranslations<"login">>;

/** The form's schema with its messages in the reader's language. */
function loginSchemaIn(t: LoginText) {
  return z.object({
    email: z
      .string()
      .trim()
      .min(1, { error: t("emailRequired") })
      .pipe(z.email({ error: t("emailInvalid") })),
    password: z.string().min(1, { error: t("passwordRequired") }),
  });
}

type LoginSchema = ReturnType<typeof loginSchemaIn>;
type LoginInput = z.input<LoginSchema>;
type LoginValues = z.output<LoginSchema>;

/**
 * next-auth reports either a code ("CredentialsSignin" when authorize returns
 * null, "Configuration", …) or the message the server threw (e.g. the rate
 * limit notice). Show server sentences as-is and translate codes.
 */
function errorMessage(error: string, t: LoginText): string {
  if (error === "CredentialsSignin") return t("invalid");
  if (/\s/.test(error)) return error;
  return t("failed");
}

export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  const router = useRouter();
  const t = useTranslations("login");
  const loginSchema = useMemo(() => loginSchemaIn(t), [t]);
  const [formError, setFormError] = useState<string | null>(null);
  const [redirecting, setRedirecting] = useState(false);
  const [showPassword, setShowPassword] = useState(false);
  const {
    register,
    handleSubmit,
    resetField,
    setFocus,
    formState: { errors, isSubmitting },
  } = useForm<LoginInput, unknown, LoginValues>({
    resolver: zodResolver(loginSchema),
    defaultValues: { email: "", password: "" },
  });

  async function onSubmit({ email, password }: LoginValues) {
    setFormError(null);
    try {
      const result = await signIn("credentials", { email, password, redirect: false });
      if (!result || result.error || !result.ok) {
        setFormError(result?.error ? errorMessage(result.error, t) : t("failed"));
        resetField("password");
        setFocus("password");
        return;
      }
    } catch {
      setFormError(t("unreachable"));
      return;
    }
    // Keep the button busy until the destination has rendered.
    setRedirecting(true);
    router.replace(callbackUrl);
    router.refresh();
  }

  const pending = isSubmitting || redirecting;

  return (
    // method="post": a submit before the page's scripts have loaded (slow network, dev compile) is
    // then a plain form post that signs no one in — instead of a GET that put the e-mail and password
    // in the address bar, the browser history and every proxy's access log.
    <form method="post" noValidate onSubmit={handleSubmit(onSubmit)} className="mt-6 grid gap-5">
      {formError ? (
        <div
          role="alert"
          className="flex items-start gap-2.5 rounded-md border border-danger-border bg-danger-soft px-3 py-2.5 text-sm text-danger-text"
        >
          <CircleAlert className="mt-0.5 size-4 shrink-0" aria-hidden="true" />
          <p>{formError}</p>
        </div>
      ) : null}

      <Field id="email" label={t("email")} error={errors.email?.message}>
        {(a11y) => (
          <Input
            {...a11y}
            {...register("email")}
            type="email"
            autoComplete="email"
            inputMode="email"
            spellCheck={false}
            required
            readOnly={pending}
          />
        )}
      </Field>

      <Field id="password" label={t("password")} error={errors.password?.message}>
        {(a11y) => (
          <div className="relative">
            <Input
              {...a11y}
              {...register("password")}
              type={showPassword ? "text" : "password"}
              autoComplete="current-password"
              required
              readOnly={pending}
              className="pr-10"
            />
            <button
              type="button"
              onClick={() => setShowPassword((shown) => !shown)}
              aria-pressed={showPassword}
              aria-label={t("showPassword")}
              aria-controls="password"
              className="absolute top-1/2 right-1.5 flex size-7 -translate-y-1/2 items-center justify-center rounded text-muted-foreground hover:bg-muted hover:text-foreground"
            >
              {showPassword ? <EyeOff className="size-4" aria-hidden="true" /> : <Eye className="size-4" aria-hidden="true" />}
            </button>
          </div>
        )}
      </Field>

      <Button type="submit" size="lg" pending={pending} className="w-full">
        {pending ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
