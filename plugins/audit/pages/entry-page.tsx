// /audit/entries/:id — one entry: who, what, when, from where, the per-field changes and its place
// in the hash chain. Another organization's entry id is a 404 (the query binds the organization).
import { pluginTranslator } from "@/core/i18n/translate";
import type { AuditMessages } from "../messages";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import type { PageProps } from "@/core/plugins/types";
import { ChangesTable } from "../components/changes-table";
import { ACTION_LABELS, TARGET_LABELS } from "../components/labels";
import { getEntry } from "../queries/entries";
import { orgFormat } from "@/core/format/org-format";

export default async function EntryPage({ ctx, params }: PageProps & { params: Record<string, string> }) {
  const fmt = orgFormat(ctx.organization);
  const e = await getEntry(ctx.organization.id, params.id ?? "");
  if (!e) notFound();
  const facts: [string, string | null][] = [
    ["Time", fmt.dateTime(e.at, { timeStyle: "medium" })],
    ["Actor", `${e.actorLabel} (${e.actorType.replace("_", " ")}${e.actorId ? ` ${e.actorId}` : ""})`],
    ["Target", `${TARGET_LABELS[e.targetType] ?? e.targetType}: ${e.targetLabel ?? ""} ${e.targetId ? `(${e.targetId})` : ""}`],
    ["Source", e.source],
    ["Request id", e.requestId],
    ["IP address", e.ip],
    ["Import", e.importId],
    ["Event id", e.eventId],
    ["Hash", e.hash],
    ["Previous hash", e.prevHash || "(first entry)"],
  ];
  const t = pluginTranslator<AuditMessages>(ctx, "audit");
  return (
    <div className="grid gap-6">
      <PageHeader
        eyebrow={<Link href="/audit" className="hover:underline">{t("pages.title")}</Link>}
        title={t("pages.entry", { seq: e.seq, action: ACTION_LABELS[e.action] ?? e.action })}
        description={e.targetLabel ?? undefined}
      />
      <Card>
        <CardHeader>
          <CardTitle>Details</CardTitle>
        </CardHeader>
        <CardContent>
          <dl className="grid grid-cols-[10rem_1fr] gap-x-4 gap-y-2 text-sm">
            {facts.filter(([, v]) => v).map(([k, v]) => (
              <div key={k} className="contents">
                <dt className="text-muted-foreground">{k}</dt>
                <dd className="font-mono text-xs break-all">{v}</dd>
              </div>
            ))}
          </dl>
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Changes</CardTitle>
        </CardHeader>
        <CardContent>
          <ChangesTable changes={e.changes} />
        </CardContent>
      </Card>
    </div>
  );
}
