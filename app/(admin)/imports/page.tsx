// The organization's imports, newest first, 25 a page (the database pages them: listImports) — only
// those into resources the member may import; "New import" only when there is one.
import { translatorFor } from "@/core/i18n/translate";
import { titleFrom } from "@/core/i18n/metadata";
import Link from "next/link";
import { Plus } from "lucide-react";
import { ImportsTable } from "@/components/imports/imports-table";
import { buttonVariants } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { requireOrgContext } from "@/core/auth/context";
import { listImports } from "@/core/imports/service";
import { first, type RawSearchParams } from "@/core/lists/list-params";
import { orgFormat } from "@/core/format/org-format";
import { resourceWord } from "@/core/imports/words";
import { memberLanguage } from "@/core/i18n/languages";

export const generateMetadata = titleFrom("imports.title");

export default async function ImportsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const ctx = await requireOrgContext();
  const fmt = orgFormat(ctx.organization);
  const t = translatorFor(ctx, "imports");
  const raw = await searchParams;
  const requested = Number(first(raw.page) ?? 1);
  const resource = first(raw.resource) || undefined;
  const { rows, total, page, pageSize, canImport } = await listImports(ctx, { resource, page: Number.isSafeInteger(requested) && requested > 0 ? requested : 1 });
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const hrefFor = (n: number) => {
    const q = new URLSearchParams();
    if (resource) q.set("resource", resource);
    if (n > 1) q.set("page", String(n));
    const s = q.toString();
    return s ? `/imports?${s}` : "/imports";
  };
  return (
    <div className="grid gap-6">
      <PageHeader
        title={t("title")}
        description={t("description", { organization: ctx.organization.name, count: fmt.number(total), timezone: ctx.organization.timezone })}
        actions={
          canImport ? (
            <Link href="/imports/new" className={buttonVariants()}>
              <Plus aria-hidden="true" /> {t("newImport")}
            </Link>
          ) : undefined
        }
      />
      <ImportsTable
        rows={rows.map((r) => ({ ...r, resourceLabel: resourceWord(r.resource, memberLanguage(ctx), r.resourceLabel), createdByName: r.createdBy }))}
        page={Math.min(page, pageCount)}
        pageCount={pageCount}
        total={total}
        hrefFor={hrefFor}
        t={t}
      />
    </div>
  );
}
