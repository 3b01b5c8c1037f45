import { PageHeader } from "@/components/ui/page-header";
import { translatorFor } from "@/core/i18n/translate";
import { titleFrom } from "@/core/i18n/metadata";
import { requireCapability } from "@/core/auth/context";
import { JOB_SORTS, listJobFunctions, listJobRuns, parseJobFilters } from "@/core/jobs/runs";
import { parseListParams, type RawSearchParams } from "@/core/lists/list-params";
import { JobsTable } from "./_components/jobs-table";
import { orgFormat } from "@/core/format/org-format";

export const generateMetadata = titleFrom("jobs.title");

export default async function JobsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const ctx = await requireCapability("organization.manage");
  const fmt = orgFormat(ctx.organization);
  const t = translatorFor(ctx, "jobs");
  const raw = await searchParams;
  const params = parseListParams(raw, JOB_SORTS, { sort: "startedAt", dir: "desc" });
  const filters = parseJobFilters(raw);
  const [{ rows, total, page }, functions] = await Promise.all([listJobRuns(ctx, params, filters), listJobFunctions(ctx)]);
  return (
    <div className="grid gap-6">
      <PageHeader
        title={t("title")}
        description={
          filters.eventId
            ? t("descriptionForEvent", { count: fmt.number(total), event: filters.eventId, timezone: ctx.organization.timezone })
            : t("description", { count: fmt.number(total), timezone: ctx.organization.timezone })
        }
      />
      <JobsTable
        rows={rows}
        total={total}
        page={page}
        pageSize={params.pageSize}
        sort={params.sort}
        dir={params.dir}
        timeZone={ctx.organization.timezone}
        functions={functions}
      />
    </div>
  );
}
