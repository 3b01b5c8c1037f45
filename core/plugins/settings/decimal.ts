// Exact decimal strings for "decimal" settings (prices, rates). They are never turned into JS numbers:
// 0.1 + 0.2 style rounding must not change a stored amount, so parsing, scaling and comparing all
// work on the digits. Pure: runs in the browser and on the server.

export type Decimal = { negative: boolean; int: string; frac: string };

const DECIMAL = /^([+-])?(\d*)(?:\.(\d*))?$/;

/** "12.5", "-0.75", ".5", "3." -> parts with leading/trailing zeros stripped; null when not a plain decimal. */
export function parseDecimal(text: string): Decimal | null {
  const m = DECIMAL.exec(text.trim());
  if (!m) return null;
  const rawInt = m[2] ?? "";
  const rawFrac = m[3] ?? "";
  if (rawInt === "" && rawFrac === "") return null;
  const int = rawInt.replace(/^0+(?=\d)/, "") || "0";
  const frac = rawFrac.replace(/0+$/, "");
  const zero = /^0*$/.test(int + frac);
  return { negative: m[1] === "-" && !zero, int, frac };
}

/** Canonical text: "-0012.500" -> "-12.5"; with a scale (never below the digits) the fraction is padded: 2 -> "-12.50". */
export function formatDecimal(d: Decimal, scale?: number): string {
  let frac = d.frac;
  if (scale !== undefined) frac = frac.padEnd(scale, "0");
  return `${d.negative ? "-" : ""}${d.int}${frac ? `.${frac}` : ""}`;
}

/** -1, 0 or 1, exactly. */
export function compareDecimals(a: Decimal, b: Decimal): number {
  const width = Math.max(a.frac.length, b.frac.length);
  const toBig = (d: Decimal) => BigInt(`${d.negative ? "-" : ""}${d.int}${d.frac.padEnd(width, "0")}`);
  const x = toBig(a);
  const y = toBig(b);
  return x < y ? -1 : x > y ? 1 : 0;
}
