// Adjustments over time as an inline SVG bar chart: one bar per day of the range, the net change in
// stock, above the zero line for growth and below it for consumption. Server-rendered, no chart library
// and no client JavaScript. For screen readers the SVG is one image with a title and a summary
// sentence; every number is also in the table that follows it (AdjustmentsTable), which is the
// accessible form of the data and the one to read for exact values.
import type { AdjustmentDay } from "../../reports/adjustments-over-time";

const W = 720;
const H = 220;
const M = { top: 14, right: 16, bottom: 34, left: 56 };
const PLOT_W = W - M.left - M.right;
const PLOT_H = H - M.top - M.bottom;

const num = new Intl.NumberFormat("en-US");
const signed = new Intl.NumberFormat("en-US", { signDisplay: "exceptZero" });
const dayShort = new Intl.DateTimeFormat("en-US", { timeZone: "UTC", month: "short", day: "numeric" });
const dayLong = new Intl.DateTimeFormat("en-US", { timeZone: "UTC", dateStyle: "medium" });
export const shortDay = (iso: string) => dayShort.format(new Date(`${iso}T00:00:00Z`));
export const longDay = (iso: string) => dayLong.format(new Date(`${iso}T00:00:00Z`));

/** A round step (1, 2 or 5 × 10^n) splitting `span` into about four intervals. */
function niceStep(span: number): number {
  const raw = Math.max(1, span / 4);
  const pow = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((m) => m * pow).find((s) => s >= raw)!;
}

export function summarizeAdjustments(days: AdjustmentDay[]): string {
  if (days.length === 0) return "No days in this period.";
  const span = `from ${longDay(days[0]!.day)} to ${longDay(days[days.length - 1]!.day)}`;
  const count = days.reduce((n, d) => n + d.count, 0);
  if (count === 0) return `No stock adjustments ${span}.`;
  const net = days.reduce((n, d) => n + d.net, 0);
  const up = days.reduce((a, b) => (b.net > a.net ? b : a));
  const down = days.reduce((a, b) => (b.net < a.net ? b : a));
  const parts = [`Net change per day ${span}: ${signed.format(net)} units in total over ${num.format(count)} adjustment${count === 1 ? "" : "s"}`];
  if (up.net > 0) parts.push(`largest increase ${signed.format(up.net)} on ${longDay(up.day)}`);
  if (down.net < 0) parts.push(`largest decrease ${signed.format(down.net)} on ${longDay(down.day)}`);
  return `${parts.join("; ")}.`;
}

export function AdjustmentsChart({ days, id = "adjustments-chart" }: { days: AdjustmentDay[]; id?: string }) {
  const nets = days.map((d) => d.net);
  const lo = Math.min(0, ...nets);
  const hi = Math.max(0, ...nets);
  const step = niceStep(hi - lo || 1);
  const yMin = Math.floor(lo / step) * step;
  const yMax = Math.max(step, Math.ceil(hi / step) * step);
  const ticks = Array.from({ length: Math.round((yMax - yMin) / step) + 1 }, (_, i) => yMin + i * step);
  const y = (v: number) => M.top + ((yMax - v) / (yMax - yMin)) * PLOT_H;
  const n = Math.max(1, days.length);
  const band = PLOT_W / n;
  const barW = Math.max(1, band * 0.72);
  const labelIdx = [...new Set([0, Math.round((n - 1) / 4), Math.round((n - 1) / 2), Math.round((3 * (n - 1)) / 4), n - 1])].filter((i) => i >= 0 && i < days.length);

  return (
    <figure aria-labelledby={`${id}-caption`} data-adjustments-chart={days.length}>
      <figcaption id={`${id}-caption`} className="sr-only">
        Net stock change per day
      </figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} className="h-auto w-full" role="img" aria-labelledby={`${id}-title ${id}-desc`}>
        <title id={`${id}-title`}>Net stock change per day</title>
        <desc id={`${id}-desc`}>{summarizeAdjustments(days)}</desc>
        {ticks.map((t) => (
          <g key={t} aria-hidden="true">
            <line x1={M.left} x2={W - M.right} y1={y(t)} y2={y(t)} className={t === 0 ? "stroke-slate-400" : "stroke-slate-200"} strokeWidth={1} />
            <text x={M.left - 8} y={y(t)} dy="0.32em" textAnchor="end" className="fill-slate-600 text-[11px] tabular-nums">
              {signed.format(t)}
            </text>
          </g>
        ))}
        {days.map((d, i) =>
          d.net === 0 ? null : (
            <rect
              key={d.day}
              x={M.left + i * band + (band - barW) / 2}
              y={Math.min(y(d.net), y(0))}
              width={barW}
              height={Math.max(1, Math.abs(y(d.net) - y(0)))}
              className={d.net > 0 ? "fill-emerald-600" : "fill-red-600"}
            >
              <title>{`${longDay(d.day)}: ${signed.format(d.net)} (${d.count} adjustment${d.count === 1 ? "" : "s"})`}</title>
            </rect>
          ),
        )}
        {labelIdx.map((i) => (
          <text key={i} x={M.left + i * band + band / 2} y={H - M.bottom + 18} textAnchor="middle" className="fill-slate-600 text-[11px]" aria-hidden="true">
            {shortDay(days[i]!.day)}
          </text>
        ))}
      </svg>
    </figure>
  );
}
