import Link from "next/link";
import { notFound } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireCapability } from "@/core/auth/context";
import { formatBytes } from "@/core/format/bytes";
import { getMail } from "@/core/mail/queries";
import { isMailStatus, mailStatusVariant } from "@/core/mail/status";
import { translatorFor } from "@/core/i18n/translate";
import { titleFrom } from "@/core/i18n/metadata";
import { orgFormat } from "@/core/format/org-format";

export const generateMetadata = titleFrom("outbox.mailTitle");

/** One message as it was (or would have been) sent. The text is rendered as text, never as markup. */
export default async function MailPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const ctx = await requireCapability("organization.manage");
  const mail = await getMail(ctx, id);
  if (!mail) notFound();
  const fmt = orgFormat(ctx.organization);
  const t = translatorFor(ctx, "outbox");

  return (
    <div className="grid gap-6">
      <PageHeader eyebrow={<Link href="/outbox" className="hover:underline">{t("title")}</Link>} title={mail.subject} description={t("to", { to: mail.to })} />
      <Card>
        <CardContent className="pt-6">
          <dl className="grid gap-4 text-sm sm:grid-cols-3">
            <div>
              <dt className="text-muted-foreground">{t("status")}</dt>
              <dd className="grid gap-1">
                <span>
                  <Badge variant={mailStatusVariant(mail.status)}>{isMailStatus(mail.status) ? t(mail.status) : mail.status}</Badge>
                </span>
                {isMailStatus(mail.status) ? <span className="text-muted-foreground">{t(`help.${mail.status}`)}</span> : null}
              </dd>
            </div>
            <div>
              <dt className="text-muted-foreground">{t("created")}</dt>
              <dd className="font-medium tabular-nums">{fmt.dateTime(mail.createdAt, { timeStyle: "medium" })}</dd>
            </div>
            <div>
              <dt className="text-muted-foreground">{t("sentAt")}</dt>
              <dd className="font-medium tabular-nums">{mail.sentAt ? fmt.dateTime(mail.sentAt, { timeStyle: "medium" }) : "—"}</dd>
            </div>
            <div>
              <dt className="text-muted-foreground">{t("recipient")}</dt>
              <dd className="font-medium break-all">{mail.to}</dd>
            </div>
            <div>
              <dt className="text-muted-foreground">{t("source")}</dt>
              <dd>
                <code className="text-xs">{mail.source}</code>
              </dd>
            </div>
          </dl>
        </CardContent>
      </Card>

      {mail.status === "failed" && mail.error ? (
        <Card>
          <CardHeader>
            <CardTitle>{t("error")}</CardTitle>
          </CardHeader>
          <CardContent>
            <pre aria-label={t("deliveryError")} className="overflow-auto rounded-md border border-border bg-muted/40 p-3 text-xs leading-5 whitespace-pre-wrap break-words">
              {mail.error}
            </pre>
          </CardContent>
        </Card>
      ) : null}

      <Card>
        <CardHeader>
          <CardTitle>{t("message")}</CardTitle>
        </CardHeader>
        <CardContent className="grid gap-2">
          <pre aria-label={t("messageText")} className="max-h-[60vh] overflow-auto rounded-md border border-border bg-muted/40 p-3 text-sm leading-6 whitespace-pre-wrap break-words">
            {mail.text}
          </pre>
          {mail.hasHtml ? <p className="text-xs text-muted-foreground">{t("hasHtml")}</p> : null}
        </CardContent>
      </Card>

      {mail.attachments.length ? (
        <Card>
          <CardHeader>
            <CardTitle>{t("attachments")}</CardTitle>
          </CardHeader>
          <CardContent>
            <ul aria-label={t("attachments")} className="grid gap-2 text-sm">
              {mail.attachments.map((a, i) => (
                <li key={i} className="flex flex-wrap items-baseline gap-x-3">
                  <a href={`/api/outbox/${mail.id}/attachments/${i}`} download={a.filename} className="font-medium text-primary underline-offset-4 hover:underline">
                    {a.filename}
                  </a>
                  <span className="text-muted-foreground">
                    {a.contentType.split(";")[0]} · {formatBytes(a.bytes)}
                  </span>
                </li>
              ))}
            </ul>
          </CardContent>
        </Card>
      ) : null}
    </div>
  );
}
