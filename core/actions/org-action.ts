// Wrapper for organization-scoped server actions: session -> organization context -> capability
// check -> zod validation of the untrusted input -> the action body. Unexpected errors are logged
// with the request id and reported to the browser as a generic message (never a stack trace).
import "server-only";
import type { z } from "zod";
import { getOrgContext, type OrgContext } from "@/core/auth/context";
import type { Capability } from "@/core/auth/roles";
import { EventHandlerError } from "@/core/events/emit";
import { DEFAULT_LANGUAGE, memberLanguage } from "@/core/i18n/languages";
import { translateResult } from "@/core/i18n/texts/for-language";
import { translatorFor } from "@/core/i18n/translate";
import { log } from "@/core/log";
import { invalid, type ActionResult } from "./result";

export async function orgAction<S extends z.ZodType, T>(
  capability: Capability,
  schema: S,
  input: unknown,
  run: (ctx: OrgContext, data: z.output<S>) => Promise<ActionResult<T>>,
): Promise<ActionResult<T>> {
  const ctx = await getOrgContext();
  // Without a session there is no member whose language to use: English (the login page the browser
  // goes to next speaks the browser's language).
  if (!ctx) return { ok: false, error: translatorFor(DEFAULT_LANGUAGE, "actions")("sessionEnded") };
  // The summaries are in the member's language; what the schemas and the action body answer in English
  // is translated on the way out (core/i18n/texts: by its English text; untranslated text stays English).
  const t = translatorFor(ctx, "actions");
  if (!ctx.can(capability)) return { ok: false, error: t("notPermitted") };
  const parsed = schema.safeParse(input);
  if (!parsed.success) return translateResult(invalid(parsed.error, t("correctFields")), memberLanguage(ctx));
  try {
    return translateResult(await run(ctx, parsed.data), memberLanguage(ctx));
  } catch (err) {
    // A plugin's in-transaction handler refused the change: an expected outcome, with its reason.
    if (err instanceof EventHandlerError) {
      log.warn("action.vetoed_by_plugin", { pluginId: err.pluginId, event: err.eventName, requestId: ctx.requestId });
      const reason = err.cause instanceof Error ? err.cause.message : String(err.cause);
      return { ok: false, error: t("vetoed", { plugin: err.pluginId, reason }) };
    }
    log.error("action.failed", { err, requestId: ctx.requestId, organizationId: ctx.organization.id, userId: ctx.user.id });
    return { ok: false, error: t("failed", { reference: ctx.requestId ?? "n/a" }) };
  }
}
