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

const VARIANT: Record<TokenStatus, BadgeVariant> = { active: "success", revoked: "neutral", expired: "warning" };

type Text = ReturnType<typeof translatorFor<"apiTokens">>;

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
          <CardTitle>{t("newToken")}</CardTitle>
          <CardDescription>{t("shownOnce")}</CardDescription>
        </CardHeader>
        <CardContent>
          <CreateTokenForm />
        </CardContent>
      </Card>

      <TokenTable id="own-tokens" caption={t("yours")} tokens={mine} when={when} t={t} empty={t("noneYours")} />
      {ctx.can("organization.manage") ? (
        <TokenTable id="member-tokens" caption={t("others")} tokens={others} when={when} t={t} showOwner empty={t("noneOthers")} />
      ) : null}
    </div>
  );
}

type TokenTableProps = { id: string; caption: string; tokens: TokenSummary[]; when: (d: Date | null, empty: string) => string; t: Text; empty: string; showOwner?: boolean };

function TokenTable({ id, caption, tokens, when, t, empty, showOwner = false }: TokenTableProps) {
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
                <TH>{t("name")}</TH>
                {showOwner ? <TH>{t("member")}</TH> : null}
                <TH>{t("token")}</TH>
                <TH>{t("status")}</TH>
                <TH>{t("created")}</TH>
                <TH>{t("lastUsed")}</TH>
                <TH>{t("expires")}</TH>
                <TH>
                  <span className="sr-only">{t("actions")}</span>
                </TH>
              </TR>
            </THead>
            <TBody>
              {tokens.map((token) => (
                <TR key={token.id}>
                  <TD className="font-medium">{token.name}</TD>
                  {showOwner ? <TD>{token.userName}</TD> : null}
                  <TD className="font-mono text-[13px] text-muted-foreground">{token.prefix}…</TD>
                  <TD>
                    <Badge variant={VARIANT[token.status]}>{t(token.status)}</Badge>
                  </TD>
                  <TD className="whitespace-nowrap text-muted-foreground">{when(token.createdAt, "")}</TD>
                  <TD className="whitespace-nowrap text-muted-foreground">{when(token.lastUsedAt, t("never"))}</TD>
                  <TD className="whitespace-nowrap text-muted-foreground">{token.revokedAt ? t("revokedAt", { at: when(token.revokedAt, "") }) : when(token.expiresAt, t("never"))}</TD>
                  <TD className="text-right">{token.status === "active" ? <RevokeTokenButton id={token.id} name={token.name} owner={showOwner ? token.userName : undefined} /> : null}</TD>
                </TR>
              ))}
            </TBody>
          </Table>
        </Card>
      )}
    </section>
  );
}
