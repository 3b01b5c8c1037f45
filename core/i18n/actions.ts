"use server";
// The user menu's language choice: a member's own preference, stored on their user (every organization
// they belong to, every device), null meaning "my organization's". Any member may set their own.
import { z } from "zod";
import { orgAction } from "@/core/actions/org-action";
import type { ActionResult } from "@/core/actions/result";
import { rootDb } from "@/core/db/client";
import { revalidatePath } from "@/core/http/revalidate";
import { languageSchema } from "./languages";

const languageChoice = z.object({ language: languageSchema.nullable() });

export async function chooseLanguageAction(input: unknown): Promise<ActionResult> {
  return orgAction("records.read", languageChoice, input, async (ctx, { language }) => {
    // The user's own row, by the session's id: no other user's preference is reachable from here.
    await rootDb().user.update({ where: { id: ctx.user.id }, data: { language } });
    // Every page's text changes: the whole admin is rendered again.
    revalidatePath("/", "layout");
    return { ok: true, data: undefined };
  });
}
