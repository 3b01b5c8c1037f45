// The stock chart (the seed's `stock_chart` inclusion tag): an item's closing quantity per day over 30 or
// 90 days, as an inline SVG line chart — no chart library, no client JavaScript, so it renders in server
// components, e-mails and other plugins' pages alike. For screen readers the SVG has a title and a
// one-sentence summary, and the data itself follows as a visually hidden table.
// The series comes from stockSeries() (items/history.ts), computed in PostgreSQL.
// Its words are the catalogue's `chart` messages (messages.ts): a page passes the member's (`words`),
// anything else (an e-mail, another plugin's page) gets English.
import { createTranslator } from "next-intl";
import type { StockPoint } from "../items/history";
import { messages, type InventoryMessages } from "../messages";
import { unitFor } from "./quantity";
import { numberFormat } from "@/core/format/numbers";
import { formatCalendarDate } from "@/core/time/zoned";

export type StockChartProps = {
  points: StockPoint[];
  unit: string;
  /** Drawn as a dashed "reorder at" line when given. */
  threshold?: number;
  /** Caption, e.g. "Stock over the last 30 days". */
  title: string;
  /** Prefix of the element ids (give each chart on a page its own). */
  id?: string;
  className?: string;
  /** The organization's locale for numbers and days (orgFormat(ctx.organization).locale); en-US when not given. */
  locale?: string;
  /** The chart's words in the member's language (see stockChartWords); English when not given. */
  words?: StockChartWords;
};

/** The chart's words: a translator of the `chart` messages. */
export type StockChartWords = (key: keyof InventoryMessages["chart"], values?: Record<string, string>) => string;

const english = createTranslator({ locale: "en", messages: messages.en, namespace: "chart" });
const ENGLISH: StockChartWords = (key, values) => english(key, values);

const W = 720;
const H = 240;
const M = { top: 16, right: 20, bottom: 40, left: 56 };
const PLOT_W = W - M.left - M.right;
const PLOT_H = H - M.top - M.bottom;

/** Numbers and days in `locale`; formatters are cached (core/format/numbers.ts, core/time/zoned.ts). */
function writers(locale: string) {
  const nf = numberFormat(locale)!;
  return {
    num: { format: (n: number) => nf.format(n) },
    short: (iso: string) => formatCalendarDate(iso, locale, { month: "short", day: "numeric" }),
    long: (iso: string) => formatCalendarDate(iso, locale),
  };
}


/** A round step (1, 2 or 5 times a power of ten) that splits `max` into about four intervals. */
function niceStep(max: number): number {
  const raw = Math.max(1, max / 4);
  const pow = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * pow).find((s) => s >= raw)!;
  return Math.max(1, step);
}

export function summarize(points: StockPoint[], unit: string, locale = "en-US", t: StockChartWords = ENGLISH): string {
  const { num, long } = writers(locale);
  const known = points.filter((p): p is StockPoint & { quantity: number } => p.quantity !== null);
  if (known.length === 0) return t("noData");
  const first = known[0]!;
  const last = known[known.length - 1]!;
  const low = known.reduce((a, b) => (b.quantity < a.quantity ? b : a));
  const high = known.reduce((a, b) => (b.quantity > a.quantity ? b : a));
  if (low.quantity === high.quantity) {
    return t("noChange", { from: long(first.date), to: long(last.date), quantity: num.format(last.quantity), unit: unitFor(last.quantity, unit) });
  }
  return t("series", {
    from: long(first.date),
    to: long(last.date),
    first: num.format(first.quantity),
    last: num.format(last.quantity),
    unit: unitFor(last.quantity, unit),
    low: num.format(low.quantity),
    lowOn: long(low.date),
    high: num.format(high.quantity),
    highOn: long(high.date),
  });
}

export function StockChart({ points, unit, threshold, title, id = "stock-chart", className, locale = "en-US", words: t = ENGLISH }: StockChartProps) {
  const { num, short, long } = writers(locale);
  const known = points.filter((p) => p.quantity !== null).map((p) => p.quantity as number);
  const step = niceStep(Math.max(1, ...known, threshold ?? 0));
  const yMax = Math.max(step, Math.ceil(Math.max(1, ...known, threshold ?? 0) / step) * step);
  const ticks = Array.from({ length: Math.round(yMax / step) + 1 }, (_, i) => i * step);
  const n = points.length;
  const x = (i: number) => M.left + (n <= 1 ? PLOT_W : (i / (n - 1)) * PLOT_W);
  const y = (q: number) => M.top + PLOT_H - (q / yMax) * PLOT_H;
  // Days before the item existed have no quantity: the line starts on its first day.
  const drawn = points.map((p, i) => ({ ...p, i })).filter((p) => p.quantity !== null);
  const path = drawn.map((p, k) => `${k === 0 ? "M" : "L"}${x(p.i).toFixed(1)},${y(p.quantity!).toFixed(1)}`).join(" ");
  const area = drawn.length > 1 ? `${path} L${x(drawn[drawn.length - 1]!.i).toFixed(1)},${y(0)} L${x(drawn[0]!.i).toFixed(1)},${y(0)} Z` : "";
  const xTickIdx = [...new Set([0, Math.round((n - 1) / 4), Math.round((n - 1) / 2), Math.round((3 * (n - 1)) / 4), n - 1])].filter((i) => i >= 0 && i < n);
  const titleId = `${id}-title`;
  const descId = `${id}-desc`;
  const last = drawn[drawn.length - 1];

  return (
    <figure className={className} aria-labelledby={`${id}-caption`} data-stock-chart={n}>
      <figcaption id={`${id}-caption`} className="mb-2 text-sm font-medium text-foreground">
        {title}
      </figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} className="h-auto w-full" role="img" aria-labelledby={`${titleId} ${descId}`}>
        <title id={titleId}>{title}</title>
        <desc id={descId}>{summarize(points, unit, locale, t)}</desc>
        {ticks.map((t) => (
          <g key={t}>
            <line x1={M.left} x2={W - M.right} y1={y(t)} y2={y(t)} className="stroke-border" strokeWidth={1} />
            <text x={M.left - 8} y={y(t)} dy="0.32em" textAnchor="end" className="fill-muted-foreground text-[11px] tabular-nums">
              {num.format(t)}
            </text>
          </g>
        ))}
        {xTickIdx.map((i) => (
          <text key={i} x={x(i)} y={H - M.bottom + 18} textAnchor={i === 0 ? "start" : i === n - 1 ? "end" : "middle"} className="fill-muted-foreground text-[11px]">
            {short(points[i]!.date)}
          </text>
        ))}
        <text x={M.left + PLOT_W / 2} y={H - 4} textAnchor="middle" className="fill-muted-foreground text-[11px]">
          {t("date")}
        </text>
        <text transform={`translate(14 ${M.top + PLOT_H / 2}) rotate(-90)`} textAnchor="middle" className="fill-muted-foreground text-[11px]">
          {t("quantityAxis", { unit })}
        </text>
        {threshold !== undefined && threshold > 0 ? (
          <g>
            <line x1={M.left} x2={W - M.right} y1={y(threshold)} y2={y(threshold)} className="stroke-warning" strokeWidth={1.5} strokeDasharray="6 4" />
            {/* A halo in the card's colour keeps the label legible where the line crosses it. */}
            <text x={W - M.right} y={y(threshold) - 6} textAnchor="end" className="fill-warning-text stroke-surface text-[11px]" strokeWidth={3} paintOrder="stroke">
              {t("reorderAt", { threshold: num.format(threshold) })}
            </text>
          </g>
        ) : null}
        {area ? <path d={area} className="fill-primary/10" /> : null}
        {path ? <path d={path} fill="none" className="stroke-primary" strokeWidth={2} strokeLinejoin="round" strokeLinecap="round" /> : null}
        {n <= 31 ? drawn.map((p) => <circle key={p.date} cx={x(p.i)} cy={y(p.quantity!)} r={2.5} className="fill-primary" />) : null}
        {last ? <circle cx={x(last.i)} cy={y(last.quantity!)} r={4} className="fill-primary stroke-surface" strokeWidth={2} /> : null}
        <line x1={M.left} x2={W - M.right} y1={y(0)} y2={y(0)} className="stroke-input" strokeWidth={1} />
      </svg>
      {/* sr-only on a wrapper, not the table: a table ignores overflow, so an sr-only table still
          widened the page on a phone. */}
      <div className="sr-only">
      <table>
        <caption>{t("tableCaption", { title })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("date")}</th>
            <th scope="col">{t("closingQuantity", { unit })}</th>
            <th scope="col">{t("changeThatDay")}</th>
          </tr>
        </thead>
        <tbody>
          {points.map((p) => (
            <tr key={p.date}>
              <th scope="row">{long(p.date)}</th>
              <td>{p.quantity === null ? t("notYet") : num.format(p.quantity)}</td>
              <td>{p.delta > 0 ? `+${num.format(p.delta)}` : num.format(p.delta)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      </div>
    </figure>
  );
}
