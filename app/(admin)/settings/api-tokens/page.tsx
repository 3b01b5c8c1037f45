// API tokens: create one (shown once), see when each was last used, revoke. Every member manages
// their own tokens for the active organization; owners and admins also see every other member's
// working tokens, to revoke them (someone leaving, a leaked token).
import { translatorFor } from "@/core/i18n/translate";
import { titleFrom } from "@/core/i18n/metadata";
import Link from "next/link";
import { Badge, type BadgeVariant } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, TCaption, TD, TH, THead, TR } from "@/components/ui/table";
import { listOtherMembersActiveTokens, listOwnTokens, type TokenStatus, type TokenSummary } from "@/core/api-tokens/tokens";
import { requireOrgContext } from "@/core/auth/context";
import { CreateTokenForm } from "./_components/create-token-form";
import { RevokeTokenButton } from "./_components/revoke-token-button";
import { orgFormat } from "@/core/format/org-format";

export const generateMetadata = titleFrom("apiTokens.title");

const STATUS: Record<TokenStatus, { label: string; variant: BadgeVariant }> = {
  active: { label: "Active", variant: "success" },
  revoked: { label: "Revoked", variant: "neutral" },
  expired: { label: "Expired", variant: "warning" },
};

export default async function ApiTokensPage() {
  const ctx = await requireOrgContext();
  const [mine, others] = await Promise.all([listOwnTokens(ctx), listOtherMembersActiveTokens(ctx)]);
  const fmt = orgFormat(ctx.organization);
  const t = translatorFor(ctx, "apiTokens");
  const when = (d: Date | null, empty: string) => (d ? fmt.dateTime(d) : empty);

  return (
    <div className="grid gap-6">
      <PageHeader
        title={t("title")}
        description={t.rich("description", {
          organization: ctx.organization.name,
          api: (chunks) => (
            <Link href="/settings/api-docs" className="font-medium text-primary hover:underline">
              {chunks}
            </Link>
          ),
          code: (chunks) => <code className="font-mono text-[13px]">{chunks}</code>,
        })
        }
      />

      <Card>
        <CardHeader>
          <CardTitle>New token</CardTitle>
          <CardDescription>The token is shown once, right after you create it.</CardDescription>
        </CardHeader>
        <CardContent>
          <CreateTokenForm />
        </CardContent>
      </Card>

      <TokenTable id="own-tokens" caption="Your tokens" tokens={mine} when={when} empty="You have no API tokens in this organization yet." />
      {ctx.can("organization.manage") ? (
        <TokenTable id="member-tokens" caption="Other members’ active tokens" tokens={others} when={when} showOwner empty="No other member has an active token." />
      ) : null}
    </div>
  );
}

type TokenTableProps = { id: string; caption: string; tokens: TokenSummary[]; when: (d: Date | null, empty: string) => string; empty: string; showOwner?: boolean };

function TokenTable({ id, caption, tokens, when, empty, showOwner = false }: TokenTableProps) {
  return (
    <section aria-labelledby={id} className="grid gap-2">
      <h2 id={id} className="text-base font-semibold text-foreground">
        {caption}
      </h2>
      {tokens.length === 0 ? (
        <p className="rounded-lg border border-border bg-surface px-4 py-3 text-sm text-muted-foreground">{empty}</p>
      ) : (
        <Card className="overflow-x-auto">
          <Table>
            <TCaption className="sr-only">{caption}</TCaption>
            <THead>
              <TR>
                <TH>Name</TH>
                {showOwner ? <TH>Member</TH> : null}
                <TH>Token</TH>
                <TH>Status</TH>
                <TH>Created</TH>
                <TH>Last used</TH>
                <TH>Expires</TH>
                <TH>
                  <span className="sr-only">Actions</span>
                </TH>
              </TR>
            </THead>
            <TBody>
              {tokens.map((t) => (
                <TR key={t.id}>
                  <TD className="font-medium">{t.name}</TD>
                  {showOwner ? <TD>{t.userName}</TD> : null}
                  <TD className="font-mono text-[13px] text-muted-foreground">{t.prefix}…</TD>
                  <TD>
                    <Badge variant={STATUS[t.status].variant}>{STATUS[t.status].label}</Badge>
                  </TD>
                  <TD className="whitespace-nowrap text-muted-foreground">{when(t.createdAt, "")}</TD>
                  <TD className="whitespace-nowrap text-muted-foreground">{when(t.lastUsedAt, "Never")}</TD>
                  <TD className="whitespace-nowrap text-muted-foreground">{t.revokedAt ? `Revoked ${when(t.revokedAt, "")}` : when(t.expiresAt, "Never")}</TD>
                  <TD className="text-right">{t.status === "active" ? <RevokeTokenButton id={t.id} name={t.name} owner={showOwner ? t.userName : undefined} /> : null}</TD>
                </TR>
              ))}
            </TBody>
          </Table>
        </Card>
      )}
    </section>
  );
}
