// A new import: choose what to import (only the resources this member may import into: core's
// patients, and each enabled plugin's, e.g. inventory items), then drop or pick the CSV file.
import Link from "next/link";
import { notFound } from "next/navigation";
import { ChevronRight } from "lucide-react";
import { UploadZone } from "@/components/imports/upload-zone";
import { Card, CardContent } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireOrgContext } from "@/core/auth/context";
import { importableResources } from "@/core/imports/registry";
import { resourceInLanguage } from "@/core/imports/words";
import { memberLanguage } from "@/core/i18n/languages";
import { first, type RawSearchParams } from "@/core/lists/list-params";
import { titleFrom } from "@/core/i18n/metadata";
import { translatorFor } from "@/core/i18n/translate";

export const generateMetadata = titleFrom("imports.new.title");

export default async function NewImportPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const ctx = await requireOrgContext();
  const wanted = first((await searchParams).resource);
  const language = memberLanguage(ctx);
  const resources = (await importableResources(ctx)).map((r) => ({ english: r, shown: resourceInLanguage(r, language) }));
  const t = translatorFor(ctx, "imports");
  const eyebrow = (
    <Link href="/imports" className="hover:underline">
      {t("title")}
    </Link>
  );

  if (wanted) {
    // Unknown, disabled or not permitted: the same 404, so the page does not reveal which.
    const found = resources.find((r) => r.english.id === wanted);
    if (!found) notFound();
    const resource = found.shown;
    return (
      <div className="grid max-w-3xl gap-6">
        <PageHeader
          eyebrow={eyebrow}
          title={t("new.importOf", { resource: resource.label.toLowerCase() })}
          description={
            <>
              {t("new.help")}{" "}
              {resources.length > 1 ? (
                <Link href="/imports/new" className="underline">
                  {t("new.somethingElse")}
                </Link>
              ) : null}
            </>
          }
        />
        <UploadZone
          resourceId={resource.id}
          resourceLabel={resource.label}
          // English labels: the browser's automatic mapping matches headers against them as the server does.
          fields={found.english.fields.map((f) => ({ key: f.key, label: f.label, required: f.required, aliases: f.aliases, hint: f.hint }))}
          fieldLabels={Object.fromEntries(resource.fields.map((f) => [f.key, f.label]))}
        />
      </div>
    );
  }

  return (
    <div className="grid max-w-3xl gap-6">
      <PageHeader eyebrow={eyebrow} title={t("new.title")} description={t("whatToImport")} />
      {resources.length === 0 ? (
        <Card>
          <EmptyState title={t("new.nothingTitle")} description={t("new.nothingText")} />
        </Card>
      ) : (
        <Card>
          <CardContent className="p-0 sm:p-0">
            <ul className="divide-y divide-border" aria-label={t("new.whatLabel")}>
              {resources.map(({ shown: r }) => (
                <li key={r.id}>
                  <Link href={`/imports/new?resource=${encodeURIComponent(r.id)}`} className="flex items-center justify-between gap-4 px-5 py-4 hover:bg-muted/50 sm:px-6">
                    <span>
                      <span className="block font-medium text-foreground">{r.label}</span>
                      <span className="block text-sm text-muted-foreground">
                        {t("new.columns", { fields: r.fields.map((f) => f.label).join(", ") })}
                      </span>
                    </span>
                    <ChevronRight className="size-4 text-muted-foreground" aria-hidden="true" />
                  </Link>
                </li>
              ))}
            </ul>
          </CardContent>
        </Card>
      )}
    </div>
  );
}
