"use client";
// Creating an API token: a name and an expiry, validated in the browser with the schema the server
// action re-checks. The new token is shown once, here, with a copy button; after "Done" (or leaving
// the page) it cannot be shown again — only its hash is stored.
import { useState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { Check, Copy, KeyRound } from "lucide-react";
import { toast } from "sonner";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { createApiTokenAction } from "@/core/api-tokens/actions";
import { createTokenInput, EXPIRY_CHOICES, type CreateTokenData, type CreateTokenInput } from "@/core/api-tokens/schema";

export function CreateTokenForm() {
  const t = useTranslations("apiTokens");
  const [created, setCreated] = useState<{ token: string; name: string } | null>(null);
  const form = useForm<CreateTokenInput, unknown, CreateTokenData>({
    resolver: zodResolver(createTokenInput),
    defaultValues: { name: "", expiresIn: "90" },
    mode: "onTouched",
  });
  const { register, handleSubmit, setError, formState, reset } = form;

  const onSubmit = handleSubmit(async (data) => {
    const res = await createApiTokenAction(data);
    if (!res.ok) {
      for (const [field, message] of Object.entries(res.fieldErrors ?? {})) setError(field as keyof CreateTokenInput, { type: "server", message });
      toast.error(res.error);
      return;
    }
    setCreated(res.data);
    reset({ name: "", expiresIn: data.expiresIn });
  });

  return (
    <div className="grid gap-5">
      {created ? <NewToken token={created.token} name={created.name} onDone={() => setCreated(null)} /> : null}
      <form onSubmit={onSubmit} noValidate aria-label={t("form")} className="grid gap-4 sm:grid-cols-[1fr_12rem_auto] sm:items-start">
        <Field id="token-name" label={t("name")} required error={formState.errors.name?.message} description={t("nameHelp")}>
          {(a) => <Input {...a} autoComplete="off" maxLength={100} {...register("name")} />}
        </Field>
        <Field id="token-expires" label={t("expires")} error={formState.errors.expiresIn?.message}>
          {(a) => (
            <Select {...a} {...register("expiresIn")}>
              {EXPIRY_CHOICES.map((c) => (
                <option key={c.value} value={c.value}>
                  {t("expiry", { choice: c.value })}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Button type="submit" pending={formState.isSubmitting} className="sm:mt-[1.6rem]">
          <KeyRound aria-hidden="true" /> {t("create")}
        </Button>
      </form>
    </div>
  );
}

function NewToken({ token, name, onDone }: { token: string; name: string; onDone: () => void }) {
  const t = useTranslations("apiTokens");
  const [copied, setCopied] = useState(false);
  async function copy() {
    try {
      await navigator.clipboard.writeText(token);
      setCopied(true);
      toast.success(t("copied"));
    } catch {
      toast.error(t("copyFailed"));
    }
  }
  return (
    <section aria-labelledby="new-token-title" role="status" className="grid gap-3 rounded-lg border border-success-border bg-success-soft p-4">
      <h3 id="new-token-title" className="text-sm font-semibold text-success-text">
        {t("newTitle", { name })}
      </h3>
      <p className="text-sm text-success-text">
        {t.rich("newText", { b: (chunks) => <strong>{chunks}</strong> })}
      </p>
      <div className="flex flex-col gap-2 sm:flex-row">
        <Input readOnly value={token} aria-label={t("newLabel")} className="font-mono text-[13px]" onFocus={(e) => e.currentTarget.select()} />
        <Button type="button" variant="outline" onClick={() => void copy()}>
          {copied ? <Check aria-hidden="true" /> : <Copy aria-hidden="true" />} {copied ? t("copiedButton") : t("copy")}
        </Button>
        <Button type="button" onClick={onDone}>
          {t("done")}
        </Button>
      </div>
    </section>
  );
}
