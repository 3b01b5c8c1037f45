"use client";
// The reports' charts, drawn with Recharts (the maintained React chart library): stock value by
// category, units in vs out per day, the top movers and the low-stock trend. Axes use compact numbers in the
// organization's currency and locale ("€1.2M", "1,2 M €"), so labels fit their axis at any size; tooltips give exact
// values; each chart sizes to its card. The table under each chart has the same numbers for screen
// readers and keyboard users (the figure says so): the chart itself is hidden from assistive tech
// apart from its caption and summary.
import { Area, AreaChart, Bar, BarChart, CartesianGrid, Legend, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import { useOrgFormat } from "@/components/format/org-format";


// Theme tokens (app/globals.css), so the charts follow light and dark mode: series colours with at
// least 3:1 contrast on the card in either (WCAG 1.4.11), told apart by the legend's words too.
const IN = "var(--color-chart-in)";
const OUT = "var(--color-chart-out)";
const VALUE = "var(--color-chart-value)";
const GRID = "var(--color-border)";
const TICK = { fontSize: 12, fill: "var(--color-muted-foreground)" };
const CURSOR = { fill: "var(--color-muted)" };
// Recharts' tooltip is a white box by default: on the theme's surface instead.
const TOOLTIP = {
  contentStyle: { background: "var(--color-surface)", borderColor: "var(--color-border)", color: "var(--color-foreground)", borderRadius: 6 },
  labelStyle: { color: "var(--color-foreground)" },
  itemStyle: { color: "var(--color-foreground)" },
  cursor: CURSOR,
};

function ChartFigure({ id, title, summary, height, children }: { id: string; title: string; summary: string; height: number; children: ReactNode }) {
  const t = useTranslations("plugins.inventory.reports");
  return (
    <figure aria-labelledby={`${id}-title`} aria-describedby={`${id}-summary`} data-chart={id} className="grid gap-2">
      <figcaption className="sr-only">
        <span id={`${id}-title`}>{title}</span> <span id={`${id}-summary`}>{summary} {t("tableBelow")}</span>
      </figcaption>
      <div aria-hidden="true" className="w-full" style={{ height }}>
        <ResponsiveContainer width="100%" height="100%">
          {children as React.ReactElement}
        </ResponsiveContainer>
      </div>
    </figure>
  );
}

/** Truncates a long category or item name on an axis; the tooltip and the table have it whole. */
const clip = (s: string, n = 18) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export function StockValueChart({ rows, summary }: { rows: Array<{ category: string; value: number }>; summary: string }) {
  const fmt = useOrgFormat();
  const t = useTranslations("plugins.inventory.reports");
  return (
    <ChartFigure id="stock-value-chart" title={t("stockValue")} summary={summary} height={Math.max(160, rows.length * 36 + 40)}>
      <BarChart data={rows} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 8 }}>
        <CartesianGrid horizontal={false} stroke={GRID} />
        <XAxis type="number" tickFormatter={(v: number) => fmt.compactMoney(v)} tick={TICK} />
        <YAxis type="category" dataKey="category" width={130} tickFormatter={(v: string) => clip(v)} tick={TICK} />
        <Tooltip formatter={(v) => [fmt.money(Number(v)), t("value")]} {...TOOLTIP} />
        <Bar dataKey="value" name={t("value")} fill={VALUE} radius={[0, 3, 3, 0]} isAnimationActive={false} />
      </BarChart>
    </ChartFigure>
  );
}

export function AdjustmentsInOutChart({ days, summary }: { days: Array<{ day: string; label: string; added: number; removed: number }>; summary: string }) {
  const fmt = useOrgFormat();
  const t = useTranslations("plugins.inventory.reports");
  // Units out drawn below the zero line: a day's growth and consumption are read at a glance.
  const data = days.map((d) => ({ ...d, out: -d.removed }));
  return (
    <ChartFigure id="adjustments-chart" title={t("unitsInOut")} summary={summary} height={240}>
      <BarChart data={data} stackOffset="sign" margin={{ top: 8, right: 16, bottom: 4, left: 8 }}>
        <CartesianGrid vertical={false} stroke={GRID} />
        <XAxis dataKey="label" tick={TICK} minTickGap={16} />
        <YAxis width={56} tickFormatter={(v: number) => fmt.compact(v)} tick={TICK} />
        <ReferenceLine y={0} stroke="var(--color-input)" />
        <Tooltip formatter={(v, name) => [fmt.number(Math.abs(Number(v))), name]} {...TOOLTIP} />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        <Bar dataKey="added" name={t("unitsIn")} stackId="units" fill={IN} isAnimationActive={false} />
        <Bar dataKey="out" name={t("unitsOut")} stackId="units" fill={OUT} isAnimationActive={false} />
      </BarChart>
    </ChartFigure>
  );
}

export function TopMoversChart({ rows, summary }: { rows: Array<{ name: string; added: number; removed: number }>; summary: string }) {
  const fmt = useOrgFormat();
  const t = useTranslations("plugins.inventory.reports");
  return (
    <ChartFigure id="top-movers-chart" title={t("topMovers")} summary={summary} height={Math.max(160, rows.length * 32 + 60)}>
      <BarChart data={rows} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 8 }}>
        <CartesianGrid horizontal={false} stroke={GRID} />
        <XAxis type="number" tickFormatter={(v: number) => fmt.compact(v)} tick={TICK} />
        <YAxis type="category" dataKey="name" width={130} tickFormatter={(v: string) => clip(v)} tick={TICK} />
        <Tooltip formatter={(v, name) => [fmt.number(Number(v)), name]} {...TOOLTIP} />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        <Bar dataKey="added" name={t("unitsIn")} stackId="moved" fill={IN} isAnimationActive={false} />
        <Bar dataKey="removed" name={t("unitsOut")} stackId="moved" fill={OUT} isAnimationActive={false} />
      </BarChart>
    </ChartFigure>
  );
}

export function LowStockTrendChart({ days, summary }: { days: Array<{ day: string; label: string; low: number }>; summary: string }) {
  const fmt = useOrgFormat();
  const t = useTranslations("plugins.inventory.reports");
  return (
    <ChartFigure id="low-stock-chart" title={t("lowAtEndChart")} summary={summary} height={220}>
      <AreaChart data={days} margin={{ top: 8, right: 16, bottom: 4, left: 8 }}>
        <CartesianGrid vertical={false} stroke={GRID} />
        <XAxis dataKey="label" tick={TICK} minTickGap={16} />
        <YAxis width={56} allowDecimals={false} tickFormatter={(v: number) => fmt.compact(v)} tick={TICK} />
        <Tooltip formatter={(v) => [fmt.number(Number(v)), t("itemsLow")]} {...TOOLTIP} />
        <Area type="stepAfter" dataKey="low" name={t("itemsLow")} stroke={OUT} fill={OUT} fillOpacity={0.15} strokeWidth={2} isAnimationActive={false} />
      </AreaChart>
    </ChartFigure>
  );
}
