// The shape every server action returns: the browser shows `error` as a toast and `fieldErrors`
// inline next to the fields. Nothing is thrown across the server/client boundary for user errors.
import type { z } from "zod";

export type ActionResult<T = undefined> =
  | { ok: true; data: T; message?: string }
  | { ok: false; error: string; fieldErrors?: Record<string, string> };

export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_form";
    out[key] ??= issue.message;
  }
  return out;
}

/** `message`: the summary in the member's language (orgAction passes it); English otherwise. */
export function invalid(error: z.ZodError, message = "Please correct the highlighted fields."): ActionResult<never> {
  return { ok: false, error: message, fieldErrors: fieldErrorsOf(error) };
}
