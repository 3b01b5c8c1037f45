// A quantity with its unit, the unit agreeing with the number: "1 bottle", "24 bottles", "1 box",
// "3 boxes". Units are whatever the clinic typed, so only plain words are inflected (pluralize, the
// maintained English inflector): abbreviations ("ml", "mg", "pcs", "IU"), "each" and anything with
// digits or spaces ("box of 100") stay exactly as typed.
import pluralize from "pluralize";
import { numberFormat } from "@/core/format/numbers";

const AS_TYPED = new Set(["each", "per", "dozen"]);
const WORD = /^[a-z]{3,}$/;
const VOWEL = /[aeiouy]/;

/** The unit's form for `n` (its absolute value: "-2 bottles"). */
export function unitFor(n: number, unit: string): string {
  const word = unit.trim();
  if (!WORD.test(word) || !VOWEL.test(word) || AS_TYPED.has(word)) return unit;
  return pluralize(word, Math.abs(n));
}

/** "1,200 bottles" ("1200 bottles" in es-ES); `sign` for changes: "+5 boxes", "−1 box". The number in `locale` (en-US by default). */
export function formatQuantity(n: number, unit: string, opts: { sign?: boolean; locale?: string } = {}): string {
  const f = numberFormat(opts.locale ?? "en-US", opts.sign ? SIGNED : {})!;
  return `${f.format(n)} ${unitFor(n, unit)}`;
}

const SIGNED: Intl.NumberFormatOptions = { signDisplay: "exceptZero" };
