import Link from "next/link";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { WidgetProps } from "@/core/plugins/types";
import { greetingsToday, listGreetings } from "../greetings";

export default async function GreetingWidget({ ctx }: WidgetProps) {
  const [today, [latest]] = await Promise.all([greetingsToday(ctx), listGreetings(ctx, 1)]);
  return (
    <Card aria-label="Hello widget">
      <CardHeader>
        <CardTitle as="h3">Hello</CardTitle>
      </CardHeader>
      <CardContent className="grid gap-1 text-sm">
        <p>
          <span className="text-2xl font-semibold tabular-nums">{today}</span> greeting{today === 1 ? "" : "s"} in the last 24 hours
        </p>
        {latest ? <p className="text-muted-foreground">Latest: “{latest.message}”</p> : null}
        <Link href="/hello" className="text-primary hover:underline">
          All greetings
        </Link>
      </CardContent>
    </Card>
  );
}
