import Link from "next/link";
import { Card, CardContent } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { hasPermission } from "@/core/plugins/permissions";
import type { PageProps } from "@/core/plugins/types";
import { listGreetings } from "../greetings";
import { HELLO_PERMISSIONS } from "../permissions";
import { GreetingForm } from "./greeting-form";
import { orgFormat } from "@/core/format/org-format";
import { pluginTranslator } from "@/core/i18n/translate";
import type { HelloMessages } from "../messages";

export default async function GreetingsPage({ ctx }: PageProps) {
  const fmt = orgFormat(ctx.organization);
  const t = pluginTranslator<HelloMessages>(ctx, "hello");
  const [greetings, canPost] = await Promise.all([listGreetings(ctx), hasPermission(ctx, HELLO_PERMISSIONS.manage)]);
  return (
    <div className="grid gap-6">
      <PageHeader title={t("greetings.title")} description={t("greetings.description")} />
      {canPost ? <GreetingForm /> : null}
      <Card>
        <CardContent className="pt-6">
          {greetings.length === 0 ? (
            <EmptyState title={t("greetings.emptyTitle")} description={t("greetings.emptyText")} />
          ) : (
            <ul className="divide-y divide-border" aria-label={t("greetings.title")}>
              {greetings.map((g) => (
                <li key={g.id} className="flex justify-between gap-4 py-2.5">
                  <Link href={`/hello/greetings/${g.id}`} className="font-medium hover:underline">
                    {g.message}
                  </Link>
                  <span className="text-sm text-muted-foreground">{fmt.dateTime(g.createdAt)}</span>
                </li>
              ))}
            </ul>
          )}
        </CardContent>
      </Card>
    </div>
  );
}
