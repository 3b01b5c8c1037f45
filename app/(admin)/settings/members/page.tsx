// Members of the active organization with their role and how many plugin permissions each has; the
// way into a member's permissions. Owners and admins only.
import { translatorFor } from "@/core/i18n/translate";
import { titleFrom } from "@/core/i18n/metadata";
import Link from "next/link";
import { Badge, type BadgeVariant } from "@/components/ui/badge";
import { buttonVariants } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, TCaption, TD, TH, THead, TR } from "@/components/ui/table";
import { requireCapability } from "@/core/auth/context";
import type { Role } from "@/core/auth/roles";
import { listMembers } from "@/core/plugins/member-grants";
import { orgFormat } from "@/core/format/org-format";

export const generateMetadata = titleFrom("members.title");

const ROLE_BADGE: Record<Role, BadgeVariant> = { owner: "info", admin: "success", staff: "neutral", viewer: "neutral" };

export default async function MembersPage() {
  const ctx = await requireCapability("organization.manage");
  const fmt = orgFormat(ctx.organization);
  const t = translatorFor(ctx, "members");
  const roles = translatorFor(ctx, "roles");
  const { members, totalPermissions } = await listMembers(ctx);
  return (
    <div className="grid gap-6">
      <PageHeader
        title={t("title")}
        description={t("description", { organization: ctx.organization.name })}
      />
      {totalPermissions === 0 ? (
        <p role="note" className="rounded-lg border border-border bg-surface px-4 py-3 text-sm text-muted-foreground">
          {t("noPermissions")}{" "}
          <Link href="/plugins" className="font-medium text-primary hover:underline">
            {t("managePlugins")}
          </Link>
        </p>
      ) : null}
      <Card className="overflow-hidden">
        <Table>
          <TCaption className="sr-only">{t("caption", { organization: ctx.organization.name })}</TCaption>
          <THead>
            <TR>
              <TH>{t("name")}</TH>
              <TH>{t("email")}</TH>
              <TH>{t("role")}</TH>
              <TH>{t("pluginPermissions")}</TH>
              <TH>{t("since")}</TH>
              <TH>
                <span className="sr-only">{t("actions")}</span>
              </TH>
            </TR>
          </THead>
          <TBody>
            {members.map((m) => (
              <TR key={m.userId}>
                <TD className="font-medium">{m.name}</TD>
                <TD className="text-muted-foreground">{m.email}</TD>
                <TD>
                  <Badge variant={ROLE_BADGE[m.role]}>{roles(m.role)}</Badge>
                </TD>
                <TD className="tabular-nums">
                  {m.role === "owner" ? t("all") : totalPermissions === 0 ? "—" : t("countOf", { count: fmt.number(m.permissionCount), total: fmt.number(totalPermissions) })}
                </TD>
                <TD className="whitespace-nowrap text-muted-foreground">{fmt.date(m.joinedAt)}</TD>
                <TD className="text-right">
                  <Link href={`/settings/members/${m.userId}`} className={buttonVariants({ variant: "outline", size: "sm" })}>
                    {m.role === "owner" ? t("view") : t("permissions")}
                    <span className="sr-only">{t("ofName", { name: m.name })}</span>
                  </Link>
                </TD>
              </TR>
            ))}
          </TBody>
        </Table>
      </Card>
    </div>
  );
}
