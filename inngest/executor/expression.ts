// A small, safe evaluator for the subset of Inngest's CEL `if` expressions that users write on
// triggers, cancelOn and waitForEvent (and the `idempotency` key expression):
//   event.data.plan == 'pro' && (event.data.amount >= 100 || !event.data.trial)
//   async.data.orderId == event.data.orderId
// Operators: == != > < >= <= && || ! and parentheses; literals: 'str' "str" numbers true false null;
// paths: dotted (and ['key'] / [0]) on the roots `event` and `async`.
// Nothing is ever executed: the text is parsed into a tiny AST at sync (syntax errors are reported
// then) and walked at match time, where it never throws.
//
// Missing keys follow Inngest's tolerance: a path that does not resolve yields MISSING (it reads as
// null) and every comparison involving it is false, so `event.data.nope != 'x'` is false, as it is on
// Inngest (where the CEL error makes the expression false). Explicit JSON nulls compare normally:
// `event.data.x == null` is true when x is null. Ordering (< > <= >=) is defined between two numbers or
// two strings only; any other pair is false. A value in a boolean position counts as true only if it
// is `true`; the whole expression matches only if it evaluates to `true`.

export type Expr =
  | { t: "lit"; v: string | number | boolean | null }
  | { t: "path"; root: string; keys: Array<string | number> }
  | { t: "not"; e: Expr }
  | { t: "and" | "or"; l: Expr; r: Expr }
  | { t: "cmp"; op: CmpOp; l: Expr; r: Expr };

type CmpOp = "==" | "!=" | ">" | "<" | ">=" | "<=";

export class ExpressionSyntaxError extends Error {
  constructor(message: string, readonly source: string) {
    super(`${message} in expression ${JSON.stringify(source)}`);
    this.name = "ExpressionSyntaxError";
  }
}

const ROOTS = new Set(["event", "async"]);
const MISSING: unique symbol = Symbol("missing");
type Value = unknown;

type Token =
  | { k: "op"; v: string; at: number }
  | { k: "str"; v: string; at: number }
  | { k: "num"; v: number; at: number }
  | { k: "id"; v: string; at: number }
  | { k: "end"; at: number };

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  const fail = (msg: string): never => {
    throw new ExpressionSyntaxError(`${msg} at position ${i}`, src);
  };
  while (i < src.length) {
    const c = src[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const two = src.slice(i, i + 2);
    if (["==", "!=", ">=", "<=", "&&", "||"].includes(two)) {
      out.push({ k: "op", v: two, at: i });
      i += 2;
      continue;
    }
    if ("()[].!<>".includes(c)) {
      out.push({ k: "op", v: c, at: i });
      i++;
      continue;
    }
    if (c === "'" || c === '"') {
      const at = i;
      let s = "";
      i++;
      for (;;) {
        if (i >= src.length) fail("Unterminated string");
        const ch = src[i]!;
        if (ch === c) break;
        if (ch === "\\") {
          const next = src[i + 1];
          if (next === undefined) fail("Unterminated string");
          s += next === "n" ? "\n" : next === "t" ? "\t" : next === "r" ? "\r" : next;
          i += 2;
          continue;
        }
        s += ch;
        i++;
      }
      i++;
      out.push({ k: "str", v: s, at });
      continue;
    }
    const num = /^-?(\d+(\.\d+)?([eE][+-]?\d+)?)/.exec(src.slice(i));
    if (num && (c !== "-" || /\d/.test(src[i + 1] ?? ""))) {
      out.push({ k: "num", v: Number(num[0]), at: i });
      i += num[0].length;
      continue;
    }
    const id = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i));
    if (id) {
      out.push({ k: "id", v: id[0], at: i });
      i += id[0].length;
      continue;
    }
    fail(`Unexpected character ${JSON.stringify(c)}`);
  }
  out.push({ k: "end", at: src.length });
  return out;
}

/** Parses an expression; throws ExpressionSyntaxError on anything outside the supported subset. */
export function parseExpression(src: string): Expr {
  if (typeof src !== "string" || !src.trim()) throw new ExpressionSyntaxError("Empty expression", String(src));
  const tokens = tokenize(src);
  let pos = 0;
  const peek = () => tokens[pos]!;
  const fail = (msg: string): never => {
    throw new ExpressionSyntaxError(`${msg} at position ${peek().at}`, src);
  };
  const isOp = (v: string) => {
    const t = peek();
    return t.k === "op" && t.v === v;
  };
  const expectOp = (v: string) => {
    if (!isOp(v)) fail(`Expected "${v}"`);
    pos++;
  };

  const parseOr = (): Expr => {
    let l = parseAnd();
    while (isOp("||")) {
      pos++;
      l = { t: "or", l, r: parseAnd() };
    }
    return l;
  };
  const parseAnd = (): Expr => {
    let l = parseCmp();
    while (isOp("&&")) {
      pos++;
      l = { t: "and", l, r: parseCmp() };
    }
    return l;
  };
  const parseCmp = (): Expr => {
    const l = parseUnary();
    const t = peek();
    if (t.k === "op" && ["==", "!=", ">", "<", ">=", "<="].includes(t.v)) {
      pos++;
      const r = parseUnary();
      const next = peek();
      if (next.k === "op" && ["==", "!=", ">", "<", ">=", "<="].includes(next.v)) fail("Chained comparison");
      return { t: "cmp", op: t.v as CmpOp, l, r };
    }
    return l;
  };
  const parseUnary = (): Expr => {
    if (isOp("!")) {
      pos++;
      return { t: "not", e: parseUnary() };
    }
    return parsePrimary();
  };
  const parsePrimary = (): Expr => {
    const t = peek();
    if (t.k === "op" && t.v === "(") {
      pos++;
      const e = parseOr();
      expectOp(")");
      return e;
    }
    if (t.k === "str" || t.k === "num") {
      pos++;
      return { t: "lit", v: t.v };
    }
    if (t.k === "id") {
      pos++;
      if (t.v === "true" || t.v === "false") return { t: "lit", v: t.v === "true" };
      if (t.v === "null") return { t: "lit", v: null };
      if (!ROOTS.has(t.v)) fail(`Unknown identifier "${t.v}" (only event and async)`);
      const keys: Array<string | number> = [];
      for (;;) {
        if (isOp(".")) {
          pos++;
          const k = peek();
          if (k.k !== "id") fail("Expected a field name after '.'");
          keys.push((k as { v: string }).v);
          pos++;
          if (isOp("(")) fail("Function calls are not supported");
        } else if (isOp("[")) {
          pos++;
          const k = peek();
          if (k.k !== "str" && k.k !== "num") fail("Expected a string or number index");
          keys.push((k as { v: string | number }).v);
          pos++;
          expectOp("]");
        } else break;
      }
      return { t: "path", root: t.v, keys };
    }
    return fail(t.k === "end" ? "Unexpected end" : "Unexpected token");
  };

  const expr = parseOr();
  if (peek().k !== "end") fail("Unexpected trailing input");
  return expr;
}

export type ExprScope = { event?: unknown; async?: unknown };

function resolve(scope: ExprScope, root: string, keys: Array<string | number>): Value {
  let cur: unknown = root === "event" ? scope.event : root === "async" ? scope.async : undefined;
  if (cur === undefined) return MISSING;
  for (const k of keys) {
    if (cur === null || typeof cur !== "object") return MISSING;
    if (!Object.prototype.hasOwnProperty.call(cur, k)) return MISSING;
    cur = (cur as Record<string | number, unknown>)[k];
    if (cur === undefined) return MISSING;
  }
  return cur;
}

function equal(a: Value, b: Value): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object") return false;
  // Structural equality for objects/lists (JSON values).
  return JSON.stringify(a) === JSON.stringify(b);
}

function compare(op: CmpOp, a: Value, b: Value): boolean {
  if (a === MISSING || b === MISSING) return false;
  switch (op) {
    case "==":
      return equal(a, b);
    case "!=":
      return !equal(a, b);
  }
  const ordered = (typeof a === "number" && typeof b === "number") || (typeof a === "string" && typeof b === "string");
  if (!ordered) return false;
  const x = a as number | string;
  const y = b as number | string;
  return op === ">" ? x > y : op === "<" ? x < y : op === ">=" ? x >= y : x <= y;
}

/** Evaluates to a value (MISSING for unresolved paths). Never throws. */
function evaluate(e: Expr, scope: ExprScope): Value {
  switch (e.t) {
    case "lit":
      return e.v;
    case "path":
      return resolve(scope, e.root, e.keys);
    case "not":
      return evaluate(e.e, scope) !== true;
    case "and":
      return evaluate(e.l, scope) === true && evaluate(e.r, scope) === true;
    case "or":
      return evaluate(e.l, scope) === true || evaluate(e.r, scope) === true;
    case "cmp":
      return compare(e.op, evaluate(e.l, scope), evaluate(e.r, scope));
  }
}

/** True only if the expression evaluates to `true`. Never throws. */
export function matches(e: Expr, scope: ExprScope): boolean {
  try {
    return evaluate(e, scope) === true;
  } catch {
    return false;
  }
}

/** The value of an expression (e.g. an idempotency key); undefined when a path is missing. */
export function valueOf(e: Expr, scope: ExprScope): unknown {
  try {
    const v = evaluate(e, scope);
    return v === MISSING ? undefined : v;
  } catch {
    return undefined;
  }
}
