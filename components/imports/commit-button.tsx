"use client";
// "Import N rows" after a preview: starts the background commit. In all-or-nothing mode it is
// disabled while any row is rejected, and says why — nothing would be written anyway.
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/core/actions/result";
import { useTranslations } from "next-intl";
import { count } from "./labels";
import { useOrgFormat } from "@/components/format/org-format";

type Props = {
  importId: string;
  /** Rows that would be written (created + updated + unchanged). */
  importable: number;
  rejected: number;
  allOrNothing: boolean;
  commit: (id: string) => Promise<ActionResult<{ id: string }>>;
};

export function CommitButton({ importId, importable, rejected, allOrNothing, commit }: Props) {
  const { locale } = useOrgFormat();
  const t = useTranslations("imports");
  const rows = (n: number) => t("rows", { count: count(n, locale), n });
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const blocked = allOrNothing && rejected > 0;
  const nothing = importable === 0;
  return (
    <div className="flex flex-wrap items-center gap-3">
      <Button
        type="button"
        pending={pending}
        disabled={blocked || nothing}
        aria-describedby={blocked || nothing ? "commit-blocked" : undefined}
        onClick={() =>
          startTransition(async () => {
            const res = await commit(importId);
            if (!res.ok) {
              toast.error(res.error);
              router.refresh();
              return;
            }
            toast.success(res.message ?? t("commit.started"));
            router.refresh();
          })
        }
      >
        {t("commit.button", { rows: rows(importable) })}
      </Button>
      {blocked ? (
        <p id="commit-blocked" className="text-sm text-danger-text">
          {t("commit.blocked", { rows: rows(rejected), n: rejected })}
        </p>
      ) : nothing ? (
        <p id="commit-blocked" className="text-sm text-muted-foreground">
          {t("commit.nothing")}
        </p>
      ) : rejected > 0 ? (
        <p className="text-sm text-muted-foreground">{t("commit.skipped", { rows: rows(rejected), n: rejected })}</p>
      ) : null}
    </div>
  );
}
