import Link from "next/link";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { WidgetProps } from "@/core/plugins/types";
import { pluginTranslator } from "@/core/i18n/translate";
import { greetingsToday, listGreetings } from "../greetings";
import type { HelloMessages } from "../messages";

export default async function GreetingWidget({ ctx }: WidgetProps) {
  const t = pluginTranslator<HelloMessages>(ctx, "hello");
  const [today, [latest]] = await Promise.all([greetingsToday(ctx), listGreetings(ctx, 1)]);
  return (
    <Card aria-label={t("widget.label")}>
      <CardHeader>
        <CardTitle as="h3">{t("widget.title")}</CardTitle>
      </CardHeader>
      <CardContent className="grid gap-1 text-sm">
        <p>
          <span className="text-2xl font-semibold tabular-nums">{today}</span> {t("widget.today", { count: today })}
        </p>
        {latest ? <p className="text-muted-foreground">{t("widget.latest", { message: latest.message })}</p> : null}
        <Link href="/hello" className="text-primary hover:underline">
          {t("widget.all")}
        </Link>
      </CardContent>
    </Card>
  );
}
