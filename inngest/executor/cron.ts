// Cron expressions as Inngest accepts them: 5 fields (minute hour day-of-month month day-of-week) with
// * , - / and month/day names, optionally prefixed by `TZ=<IANA zone> ` (or CRON_TZ=); UTC otherwise.
// nextCronTime walks wall-clock time in the zone (no dependency: Intl gives the zone's offsets).
// DST: a wall time that does not exist (spring forward) fires at the same wall time shifted by the
// gap (02:30 -> 03:30, like Go's time.Date that Inngest uses); an ambiguous one (fall back) fires once,
// at its first occurrence.

export type ParsedCron = {
  tz: string;
  minute: Set<number>;
  hour: Set<number>;
  dom: Set<number>;
  month: Set<number>;
  dow: Set<number>;
  domStar: boolean;
  dowStar: boolean;
};

const MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
const DAYS = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

function parseField(text: string, min: number, max: number, names?: string[], nameBase = 0): Set<number> {
  const out = new Set<number>();
  const num = (s: string): number => {
    const upper = s.toUpperCase();
    const idx = names ? names.indexOf(upper) : -1;
    if (idx >= 0) return idx + nameBase;
    if (!/^\d+$/.test(s)) throw new Error(`bad value "${s}"`);
    return Number(s);
  };
  for (const part of text.split(",")) {
    const [range, stepText] = part.split("/");
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step < 1) throw new Error(`bad step in "${part}"`);
    let lo: number;
    let hi: number;
    if (range === "*" || range === "?") {
      lo = min;
      hi = max;
    } else if (range?.includes("-")) {
      const [a, b] = range.split("-");
      lo = num(a ?? "");
      hi = num(b ?? "");
    } else {
      lo = num(range ?? "");
      hi = stepText === undefined ? lo : max;
    }
    if (lo < min || hi > max || lo > hi) throw new Error(`"${part}" out of range ${min}-${max}`);
    for (let v = lo; v <= hi; v += step) out.add(v);
  }
  return out;
}

export function parseCron(expression: string): ParsedCron {
  let text = expression.trim();
  let tz = "UTC";
  const tzMatch = /^(?:CRON_)?TZ=(\S+)\s+(.*)$/.exec(text);
  if (tzMatch) {
    tz = tzMatch[1]!;
    text = tzMatch[2]!;
  }
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: tz });
  } catch {
    throw new Error(`Cron ${JSON.stringify(expression)}: unknown time zone ${tz}`);
  }
  const fields = text.split(/\s+/);
  if (fields.length !== 5) throw new Error(`Cron ${JSON.stringify(expression)}: expected 5 fields, got ${fields.length}`);
  const [mi, h, dom, mo, dow] = fields as [string, string, string, string, string];
  try {
    const dowSet = parseField(dow, 0, 7, DAYS);
    if (dowSet.has(7)) {
      dowSet.delete(7);
      dowSet.add(0);
    }
    return {
      tz,
      minute: parseField(mi, 0, 59),
      hour: parseField(h, 0, 23),
      dom: parseField(dom, 1, 31),
      month: parseField(mo, 1, 12, MONTHS, 1),
      dow: dowSet,
      domStar: dom === "*" || dom === "?",
      dowStar: dow === "*" || dow === "?",
    };
  } catch (err) {
    throw new Error(`Cron ${JSON.stringify(expression)}: ${(err as Error).message}`);
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The zone's wall-clock time at `instant`, as a UTC-epoch number (ms, whole minutes kept). */
function wallAt(tz: string, instant: number): number {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: tz,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(tz, f);
  }
  const p: Record<string, number> = {};
  for (const part of f.formatToParts(new Date(instant))) if (part.type !== "literal") p[part.type] = Number(part.value);
  return Date.UTC(p.year!, p.month! - 1, p.day!, p.hour! % 24, p.minute!, p.second!) + (instant % 1000 + 1000) % 1000;
}

const offsetAt = (tz: string, instant: number) => wallAt(tz, instant) - instant;

/** The instant of a wall-clock time in the zone (see the DST rules above). */
export function instantOfWall(tz: string, wall: number): number {
  const before = offsetAt(tz, wall - 86_400_000);
  const after = offsetAt(tz, wall + 86_400_000);
  const valid = [wall - before, wall - after].filter((t) => wallAt(tz, t) === wall);
  if (valid.length) return Math.min(...valid);
  // In a gap: the pre-transition offset maps it past the gap.
  return wall - before;
}

/** The first fire time strictly after `after`. */
export function nextCronTime(cron: ParsedCron | string, after: Date): Date {
  const c = typeof cron === "string" ? parseCron(cron) : cron;
  const afterMs = after.getTime();
  // Start at the next whole wall-clock minute.
  let wall = Math.floor(wallAt(c.tz, afterMs) / 60_000) * 60_000 + 60_000;
  const limit = wall + 5 * 366 * 86_400_000;
  while (wall < limit) {
    const d = new Date(wall);
    if (!c.month.has(d.getUTCMonth() + 1)) {
      wall = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
      continue;
    }
    const domOk = c.dom.has(d.getUTCDate());
    const dowOk = c.dow.has(d.getUTCDay());
    // Vixie semantics: with both day fields restricted, either may match.
    const dayOk = c.domStar && c.dowStar ? true : c.domStar ? dowOk : c.dowStar ? domOk : domOk || dowOk;
    if (!dayOk) {
      wall = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 1);
      continue;
    }
    if (!c.hour.has(d.getUTCHours())) {
      wall = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCHours() + 1);
      continue;
    }
    if (!c.minute.has(d.getUTCMinutes())) {
      wall += 60_000;
      continue;
    }
    const instant = instantOfWall(c.tz, wall);
    if (instant > afterMs) return new Date(instant);
    wall += 60_000;
  }
  throw new Error(`Cron has no fire time within 5 years after ${after.toISOString()}`);
}
