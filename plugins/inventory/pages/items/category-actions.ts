"use server";
// Server actions of the categories page. Managing categories needs inventory.manage_items.
import { revalidatePath } from "@/core/http/revalidate";
import type { ActionResult } from "@/core/actions/result";
import { INVENTORY_PERMISSIONS as P } from "../../permissions";
import { idSchema, inventoryAction } from "./action-guard";
import { createCategory, deleteCategory, renameCategory, type CategoryResult } from "./category-mutations";
import { categoryInput } from "./category-schema";

function toAction(res: CategoryResult, message: (name: string) => string): ActionResult<{ id: string }> {
  if (!res.ok) return { ok: false, error: res.error, fieldErrors: res.fieldErrors };
  revalidatePath("/inventory", "layout");
  return { ok: true, data: { id: res.category.id }, message: message(res.category.name) };
}

export async function createCategoryAction(input: unknown) {
  return inventoryAction(P.manage, categoryInput, input, async (ctx, data) =>
    toAction(await createCategory(ctx.db, ctx.organization.id, data.name), (name) => `Category “${name}” created.`),
  );
}

export async function renameCategoryAction(id: string, input: unknown) {
  return inventoryAction(P.manage, categoryInput, input, async (ctx, data) =>
    toAction(await renameCategory(ctx.db, id, data.name), (name) => `Category renamed to “${name}”.`),
  );
}

export async function deleteCategoryAction(id: string) {
  return inventoryAction(P.delete, idSchema, id, async (ctx, categoryId) =>
    toAction(await deleteCategory(ctx.db, ctx.organization.id, categoryId), (name) => `Category “${name}” deleted.`),
  );
}
