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
import { first, type RawSearchParams } from "@/core/lists/list-params";

export const metadata = { title: "New import" };

export default async function NewImportPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const ctx = await requireOrgContext();
  const wanted = first((await searchParams).resource);
  const resources = await importableResources(ctx);
  const eyebrow = (
    <Link href="/imports" className="hover:underline">
      Imports
    </Link>
  );

  if (wanted) {
    // Unknown, disabled or not permitted: the same 404, so the page does not reveal which.
    const resource = resources.find((r) => r.id === wanted);
    if (!resource) notFound();
    return (
      <div className="grid max-w-3xl gap-6">
        <PageHeader
          eyebrow={eyebrow}
          title={`Import ${resource.label.toLowerCase()}`}
          description={
            <>
              Upload a CSV file. You will check how it was read and which column goes where, and see a preview, before anything is written.{" "}
              {resources.length > 1 ? (
                <Link href="/imports/new" className="underline">
                  Import something else
                </Link>
              ) : null}
            </>
          }
        />
        <UploadZone
          resourceId={resource.id}
          resourceLabel={resource.label}
          fields={resource.fields.map((f) => ({ key: f.key, label: f.label, required: f.required, aliases: f.aliases, hint: f.hint }))}
        />
      </div>
    );
  }

  return (
    <div className="grid max-w-3xl gap-6">
      <PageHeader eyebrow={eyebrow} title="New import" description="What do you want to import?" />
      {resources.length === 0 ? (
        <Card>
          <EmptyState title="Nothing to import" description="Your role does not allow importing any records in this organization. An owner or admin can change that." />
        </Card>
      ) : (
        <Card>
          <CardContent className="p-0 sm:p-0">
            <ul className="divide-y divide-border" aria-label="What to import">
              {resources.map((r) => (
                <li key={r.id}>
                  <Link href={`/imports/new?resource=${encodeURIComponent(r.id)}`} className="flex items-center justify-between gap-4 px-5 py-4 hover:bg-muted/50 sm:px-6">
                    <span>
                      <span className="block font-medium text-foreground">{r.label}</span>
                      <span className="block text-sm text-muted-foreground">
                        Columns: {r.fields.map((f) => f.label).join(", ")}
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
