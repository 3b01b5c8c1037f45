import Link from "next/link";
import { translatorFor } from "@/core/i18n/translate";
import { titleFrom } from "@/core/i18n/metadata";
import { Plus } from "lucide-react";
import { renderPageOverride } from "@/app/_plugins/page-override";
import { WidgetZone } from "@/app/_plugins/widget-zone";
import { DataTransferToolbar } from "@/components/data-transfer/data-transfer-toolbar";
import { buttonVariants } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { requireCapability } from "@/core/auth/context";
import { parseListParams, type RawSearchParams } from "@/core/lists/list-params";
import { listPatients, parseVisitFilter } from "@/core/patients/queries";
import { PATIENT_SORTS } from "@/core/patients/schema";
import { PatientsTable } from "../_components/patients-table";
import { orgFormat } from "@/core/format/org-format";

export const generateMetadata = titleFrom("patients.title");

export default async function PatientsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const ctx = await requireCapability("records.read");
  const fmt = orgFormat(ctx.organization);
  const t = translatorFor(ctx, "patients");
  const override = await renderPageOverride("patients.list", ctx, await searchParams);
  if (override) return override;
  const raw = await searchParams;
  const params = parseListParams(raw, PATIENT_SORTS, { sort: "name", dir: "asc" });
  const { rows, total, page } = await listPatients(ctx.db, params, { visits: parseVisitFilter(raw.visits) });
  const canCreate = ctx.can("records.write");
  return (
    <div className="grid gap-6">
      <PageHeader
        title={t("title")}
        description={t(params.q ? "descriptionMatching" : "description", { count: fmt.number(total), organization: ctx.organization.name })}
        actions={
          <>
            <DataTransferToolbar ctx={ctx} resourceId="core.patients" filter={{ q: params.q, visits: parseVisitFilter(raw.visits) }} />
            {canCreate ? (
              <Link href="/patients/new" className={buttonVariants()}>
                <Plus aria-hidden="true" /> New patient
              </Link>
            ) : null}
          </>
        }
      />
      <WidgetZone name="patients.list.top" ctx={ctx} />
      <PatientsTable rows={rows} total={total} page={page} pageSize={params.pageSize} sort={params.sort} dir={params.dir} canCreate={canCreate} />
      <WidgetZone name="patients.list.bottom" ctx={ctx} />
    </div>
  );
}
