// A named place in a core page where plugins put server components (see WIDGET_ZONES):
//
//   <WidgetZone name="dashboard.main" ctx={ctx} />
//   <WidgetZone name="record.history" ctx={ctx} record={{ type: "core.patient", id }} />   (record pages)
//
// Shows the enabled plugins' widgets for the zone that the member may see, highest priority first,
// each loaded lazily and streamed on its own (a slow widget does not hold up the page). A widget that
// fails renders a small inline notice instead, and the failure is logged with the request id. With no
// widget to show the zone renders nothing at all, so an empty zone leaves no gap in the page.
//
// A widget is a server component `({ ctx }) => JSX` (async allowed). It is called as a function so its
// errors can be caught here; keep hooks out of its body (put interactive parts in client children).
import { Suspense, type ReactNode } from "react";
import { unstable_rethrow } from "next/navigation";
import { cn } from "@/components/ui/cn";
import { Skeleton } from "@/components/ui/skeleton";
import type { OrgContext } from "@/core/auth/context";
import { log } from "@/core/log";
import type { PageProps, WidgetProps, WidgetZoneName } from "@/core/plugins/types";
import { widgetsForZone, type ZoneWidget } from "@/core/plugins/widgets";
import { WidgetErrorBoundary } from "./widget-error-boundary";

type WidgetZoneProps = {
  name: WidgetZoneName;
  ctx: OrgContext;
  /** On record pages: the record shown, handed to each widget. */
  record?: WidgetProps["record"];
  /** Layout of the zone's container, e.g. "xl:w-80" beside a form. Widgets stack with a gap. */
  className?: string;
} & ({ as?: "div"; label?: never } | { as: "aside" | "section"; /** Accessible name of the landmark. */ label: string });

export async function WidgetZone({ name, ctx, record, className, as: Tag = "div", label }: WidgetZoneProps) {
  const widgets = await widgetsForZone(ctx, name);
  if (widgets.length === 0) return null;
  return (
    <Tag data-widget-zone={name} aria-label={label} className={cn("grid content-start gap-4", className)}>
      {widgets.map((entry) => (
        <WidgetErrorBoundary key={`${entry.pluginId}.${entry.widget.id}`} fallback={<WidgetFailed entry={entry} requestId={ctx.requestId} />}>
          <Suspense fallback={<WidgetLoading />}>
            <SafeWidget entry={entry} ctx={ctx} record={record} />
          </Suspense>
        </WidgetErrorBoundary>
      ))}
    </Tag>
  );
}

/** The zone bound to one request's member: what plugin pages get as `PageProps.WidgetZone`. */
export function widgetZoneFor(ctx: OrgContext): PageProps["WidgetZone"] {
  return function BoundWidgetZone(props) {
    return <WidgetZone {...props} ctx={ctx} />;
  };
}

const CLIENT_REFERENCE = Symbol.for("react.client.reference");

async function SafeWidget({ entry, ctx, record }: { entry: ZoneWidget; ctx: OrgContext; record?: WidgetProps["record"] }): Promise<ReactNode> {
  try {
    const { default: Widget } = await entry.widget.component();
    if (typeof Widget !== "function" || (Widget as { $$typeof?: symbol }).$$typeof === CLIENT_REFERENCE) {
      // A client component cannot receive ctx (it holds a database client): render it from a server one.
      throw new Error(`Widget "${entry.widget.id}" must default-export a server component; wrap client components in one.`);
    }
    return await (Widget as (props: WidgetProps) => ReactNode | Promise<ReactNode>)(record ? { ctx, record } : { ctx });
  } catch (err) {
    // notFound(), redirect() and Next's dynamic-rendering signals are not failures: let them through.
    unstable_rethrow(err);
    log.error("widget.failed", { err, pluginId: entry.pluginId, widget: entry.widget.id, zone: entry.widget.zone, organizationId: ctx.organization.id, requestId: ctx.requestId });
    return <WidgetFailed entry={entry} requestId={ctx.requestId} />;
  }
}

function WidgetFailed({ entry, requestId }: { entry: ZoneWidget; requestId?: string }) {
  return (
    <div data-widget-error={`${entry.pluginId}.${entry.widget.id}`} className="rounded-lg border border-danger/30 bg-danger-soft px-4 py-3 text-sm">
      <p className="font-medium text-danger-text">A {entry.pluginName} panel could not be shown.</p>
      <p className="mt-0.5 text-muted-foreground">
        The rest of the page works. If this persists, give your administrator the reference {requestId ? <code className="font-mono">{requestId}</code> : "in the server log"}.
      </p>
    </div>
  );
}

function WidgetLoading() {
  return (
    <div aria-busy="true" className="grid gap-3 rounded-xl border border-border bg-surface p-5">
      <Skeleton className="h-4 w-1/3" />
      <Skeleton className="h-12" />
      <span className="sr-only">Loading…</span>
    </div>
  );
}
