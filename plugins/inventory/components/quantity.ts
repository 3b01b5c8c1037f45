// A quantity with its unit, the unit agreeing with the number: "1 bottle", "24 bottles", "1 box",
// "3 boxes". Units are whatever the clinic typed, so only plain words are inflected (pluralize, the
// maintained English inflector): abbreviations ("ml", "mg", "pcs", "IU"), "each" and anything with
// digits or spaces ("box of 100") stay exactly as typed.
import pluralize from "pluralize";

const AS_TYPED = new Set(["each", "per", "dozen"]);
const WORD = /^[a-z]{3,}$/;
const VOWEL = /[aeiouy]/;

/** The unit's form for `n` (its absolute value: "-2 bottles"). */
export function unitFor(n: number, unit: string): string {
  const word = unit.trim();
  if (!WORD.test(word) || !VOWEL.test(word) || AS_TYPED.has(word)) return unit;
  return pluralize(word, Math.abs(n));
}

const plain = new Intl.NumberFormat("en-US");
const signed = new Intl.NumberFormat("en-US", { signDisplay: "exceptZero" });

/** "1,200 bottles"; `sign` for changes: "+5 boxes", "−1 box". */
export function formatQuantity(n: number, unit: string, opts: { sign?: boolean } = {}): string {
  return `${(opts.sign ? signed : plain).format(n)} ${unitFor(n, unit)}`;
}
