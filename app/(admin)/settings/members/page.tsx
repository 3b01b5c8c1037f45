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
import { ROLE_LABELS, type Role } from "@/core/auth/roles";
import { listMembers } from "@/core/plugins/member-grants";
import { orgFormat } from "@/core/format/org-format";

export const generateMetadata = titleFrom("members.title");

const ROLE_BADGE: Record<Role, BadgeVariant> = { owner: "info", admin: "success", staff: "neutral", viewer: "neutral" };

export default async function MembersPage() {
  const ctx = await requireCapability("organization.manage");
  const fmt = orgFormat(ctx.organization);
  const t = translatorFor(ctx, "members");
  const { members, totalPermissions } = await listMembers(ctx);
  return (
    <div className="grid gap-6">
      <PageHeader
        title={t("title")}
        description={t("description", { organization: ctx.organization.name })}
      />
      {totalPermissions === 0 ? (
        <p role="note" className="rounded-lg border border-border bg-surface px-4 py-3 text-sm text-muted-foreground">
          No enabled plugin declares permissions yet, so there is nothing to grant.{" "}
          <Link href="/plugins" className="font-medium text-primary hover:underline">
            Manage plugins
          </Link>
        </p>
      ) : null}
      <Card className="overflow-hidden">
        <Table>
          <TCaption className="sr-only">Members of {ctx.organization.name}</TCaption>
          <THead>
            <TR>
              <TH>Name</TH>
              <TH>Email</TH>
              <TH>Role</TH>
              <TH>Plugin permissions</TH>
              <TH>Member since</TH>
              <TH>
                <span className="sr-only">Actions</span>
              </TH>
            </TR>
          </THead>
          <TBody>
            {members.map((m) => (
              <TR key={m.userId}>
                <TD className="font-medium">{m.name}</TD>
                <TD className="text-muted-foreground">{m.email}</TD>
                <TD>
                  <Badge variant={ROLE_BADGE[m.role]}>{ROLE_LABELS[m.role]}</Badge>
                </TD>
                <TD className="tabular-nums">
                  {m.role === "owner" ? "All" : totalPermissions === 0 ? "—" : `${m.permissionCount} of ${totalPermissions}`}
                </TD>
                <TD className="whitespace-nowrap text-muted-foreground">{fmt.date(m.joinedAt)}</TD>
                <TD className="text-right">
                  <Link href={`/settings/members/${m.userId}`} className={buttonVariants({ variant: "outline", size: "sm" })}>
                    {m.role === "owner" ? "View" : "Permissions"}
                    <span className="sr-only"> of {m.name}</span>
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
