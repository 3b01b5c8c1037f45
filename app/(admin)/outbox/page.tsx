import { PageHeader } from "@/components/ui/page-header";
import { translatorFor } from "@/core/i18n/translate";
import { titleFrom } from "@/core/i18n/metadata";
import { requireCapability } from "@/core/auth/context";
import { parseListParams, type RawSearchParams } from "@/core/lists/list-params";
import { listMail, MAIL_SORTS, parseMailFilters } from "@/core/mail/queries";
import { OutboxTable } from "./_components/outbox-table";
import { orgFormat } from "@/core/format/org-format";

export const generateMetadata = titleFrom("outbox.title");

/** The organization's e-mail, newest first: what was sent, what failed, and what was caught. */
export default async function OutboxPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const ctx = await requireCapability("organization.manage");
  const fmt = orgFormat(ctx.organization);
  const t = translatorFor(ctx, "outbox");
  const raw = await searchParams;
  const params = parseListParams(raw, MAIL_SORTS, { sort: "createdAt", dir: "desc" });
  const { rows, total, page } = await listMail(ctx, params, parseMailFilters(raw));
  const smtp = Boolean(process.env.SMTP_URL);
  return (
    <div className="grid gap-6">
      <PageHeader
        title={t("title")}
        description={t(smtp ? "description" : "descriptionNoSmtp", { count: fmt.number(total), timezone: ctx.organization.timezone })}
      />
      <OutboxTable rows={rows} total={total} page={page} pageSize={params.pageSize} sort={params.sort} dir={params.dir} />
    </div>
  );
}
