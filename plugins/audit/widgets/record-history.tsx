// The "History" of a record page (zone record.history: patients, inventory items): its latest audit
// entries with the per-field changes, and a link to all of them in the viewer.
import Link from "next/link";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { WidgetProps } from "@/core/plugins/types";
import { ChangesTable } from "../components/changes-table";
import { ACTION_LABELS } from "../components/labels";
import { recordHistory } from "../queries/entries";
import { orgFormat } from "@/core/format/org-format";

const LIMIT = 10;

export default async function RecordHistory({ ctx, record }: WidgetProps) {
  const fmt = orgFormat(ctx.organization);
  if (!record) return null;
  const { rows, total } = await recordHistory(ctx.organization.id, record.type, record.id, LIMIT);
  const all = `/audit?${new URLSearchParams({ targetType: record.type, target: record.id }).toString()}`;
  return (
    <Card data-testid="record-history">
      <CardHeader>
        <CardTitle>History</CardTitle>
      </CardHeader>
      <CardContent className="grid gap-4">
        {rows.length === 0 ? <p className="text-sm text-muted-foreground">No recorded changes yet.</p> : null}
        <ol className="grid gap-4">
          {rows.map((e) => (
            <li key={e.id} className="grid gap-2 border-b border-border pb-4 last:border-0 last:pb-0">
              <p className="text-sm">
                <Link href={`/audit/entries/${e.id}`} className="font-medium hover:underline">
                  {ACTION_LABELS[e.action] ?? e.action}
                </Link>{" "}
                by {e.actorLabel} · <span className="tabular-nums text-muted-foreground">{fmt.dateTime(e.at, { timeStyle: "medium" })}</span>
                {e.source ? <span className="text-muted-foreground"> · {e.source}</span> : null}
              </p>
              {e.action === "created" || e.action === "deleted" ? null : <ChangesTable changes={e.changes} caption={`Changes of entry ${e.seq}`} />}
            </li>
          ))}
        </ol>
        {total > rows.length ? (
          <Link href={all} className="text-sm text-primary hover:underline">
            All {fmt.number(total)} entries in the audit log
          </Link>
        ) : null}
      </CardContent>
    </Card>
  );
}
