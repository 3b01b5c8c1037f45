"use client";
// zod 4 compiles object parsers with `new Function` when it may, and finds out whether it may by
// trying once — which, under the pages' Content-Security-Policy (no 'unsafe-eval', core/http/csp.ts),
// is a reported violation on every page that validates a form. Told up front, it never tries; its
// parsers are the same, interpreted. Rendered once by the root layout, so this runs before any form.
import { z } from "zod";

z.config({ jitless: true });

export function ZodJitless(): null {
  return null;
}
