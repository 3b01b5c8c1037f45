"use client";
// Unexpected server errors on an admin page: the shell stays usable and the user can retry.
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

export default function AdminError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("errors");
  return (
    <div role="alert" className="mx-auto grid max-w-lg gap-3 rounded-xl border border-danger/30 bg-danger/5 p-6">
      <h1 className="text-lg font-semibold">{t("loadFailed")}</h1>
      <p className="text-sm text-muted-foreground">
        {t.rich("loadFailedText", { reference: error.digest ?? t("unknownReference"), code: (chunks) => <code className="font-mono">{chunks}</code> })}
      </p>
      <div>
        <Button onClick={() => reset()}>{t("tryAgain")}</Button>
      </div>
    </div>
  );
}
