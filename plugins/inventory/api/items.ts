// /api/v1/inventory/items and /items/:id: list (filters, ordering, keyset pages), create, read,
// replace (PUT), change (PATCH), delete. Writes go through items/mutations.ts with source "api", so
// they emit the same events as the admin forms, in one transaction each (a refused write leaves
// nothing behind). Changing `quantity` by editing also needs the adjust-stock permission.
import { z } from "zod";
import { apiError } from "@/core/http/api-errors";
import { defineApiRoute } from "@/core/openapi/define-route";
import type { ApiContext, ApiRoute } from "@/core/plugins/types";
import { itemFilterSchema } from "../items/filters";
import { createItem, deleteItem, updateItem, type WriteResult } from "../items/mutations";
import { ITEM_SORTS, type ItemSort } from "../items/queries";
import { itemInput, type ItemPatch } from "../items/schema";
import { INVENTORY_PERMISSIONS as P } from "../permissions";
import { decodeCursor, type Cursor } from "@/core/lists/cursor";
import { pageQuery } from "./page-query";
import { itemNotFound, writeFailed } from "./errors";
import { cursorValueType, getItemRow, listItemsPage, type ItemOrdering } from "../items/reads";
import { itemJson, one, page, toItemJson } from "./json";
import { apiWho } from "./who";

const TAG = ["Inventory items"];
const ORDERINGS = [...ITEM_SORTS, ...ITEM_SORTS.map((s) => `-${s}` as const)] as [string, ...string[]];

export function orderingParam(fallback: ItemSort) {
  return z
    .enum(ORDERINGS as [`${ItemSort}` | `-${ItemSort}`, ...Array<`${ItemSort}` | `-${ItemSort}`>])
    .default(fallback)
    .meta({ description: `Sort key: ${ITEM_SORTS.join(", ")}; a leading - sorts descending (e.g. -quantity). Ties are broken by id.` });
}

export function parseOrdering(key: string): ItemOrdering {
  const desc = key.startsWith("-");
  return { sort: (desc ? key.slice(1) : key) as ItemSort, desc, key };
}

export const filterQuery = {
  q: itemFilterSchema.shape.q.meta({ description: "Search: every word must appear in the name or the SKU." }),
  category: itemFilterSchema.shape.category.meta({ description: 'A category id, or "none" for items without a category.' }),
};

/** Reads the `cursor` parameter for the ordering; a 400 naming `cursor` when it is not ours. */
export function cursorOf(raw: string | undefined, ordering: ItemOrdering, requestId?: string): { after?: Cursor } | Response {
  if (!raw) return {};
  const decoded = decodeCursor(raw, ordering.key, cursorValueType(ordering.sort));
  if (!decoded.ok) return apiError(400, "validation_failed", "The query string is invalid; see `fields`.", { requestId, fields: { cursor: decoded.message } });
  return { after: decoded.cursor };
}

/**
 * A search's default ordering: most recently changed first. An index serves it page by page however
 * many items match; sorted by name, page 1 of a broad term ("gauze": 50,000 of 1,000,000 items, one
 * block of the alphabet) must first find every match — about 150 ms of database time against ~5 ms
 * (items/search-order.ts has the measurements). An explicit `ordering` is always honoured.
 */
export const SEARCH_DEFAULT_ORDERING = "-updatedAt";

const listQuery = z.strictObject({
  ...filterQuery,
  stock: itemFilterSchema.shape.stock.meta({ description: "in_stock / out_of_stock (the in-stock flag), or low (quantity below the reorder threshold)." }),
  ordering: orderingParam("name")
    .removeDefault()
    .optional()
    .meta({
      description:
        `Sort key: ${ITEM_SORTS.join(", ")}; a leading - sorts descending (e.g. -quantity). Ties are broken by id. ` +
        `Default: name, or ${SEARCH_DEFAULT_ORDERING} (most recently changed first) when \`q\` is given, which stays fast however many items match.`,
    }),
  ...pageQuery,
});

// Examples for the docs (and their curl commands); validation is itemInput's.
const examples = {
  name: itemInput.shape.name.meta({ examples: ["Nitrile gloves (M)"] }),
  sku: itemInput.shape.sku.meta({ examples: ["GLV-100-M"] }),
  quantity: itemInput.shape.quantity.meta({ examples: [200] }),
  unit: itemInput.shape.unit.meta({ examples: ["box"] }),
  price: itemInput.shape.price.meta({ description: "Decimal with at most two places, as a string or a number.", examples: ["8.90"] }),
  reorderThreshold: itemInput.shape.reorderThreshold.meta({ description: "Below this quantity the item is low on stock.", examples: [20] }),
};

const createBody = z.strictObject({ ...itemInput.shape, ...examples });

/** PUT replaces the item's details; quantity is optional there: omit it to leave the stock as it is. */
const replaceBody = z.strictObject({ ...itemInput.shape, ...examples, quantity: itemInput.shape.quantity.unwrap().optional() });

function withoutDefault(s: z.ZodType): z.ZodType {
  if (s instanceof z.ZodDefault) return s.unwrap() as z.ZodType;
  if (s instanceof z.ZodPipe && s.in instanceof z.ZodDefault) return (s.in.unwrap() as z.ZodType).pipe(s.out as z.ZodType);
  return s;
}
/**
 * PATCH: any subset of the fields, none defaulted. (itemInput.partial() would fill every omitted field
 * with its default: a PATCH of the name alone would reset the quantity to 0.)
 */
const patchFields = { ...itemInput.shape, name: examples.name, unit: examples.unit };
const patchBody = z.strictObject(Object.fromEntries(Object.entries(patchFields).map(([k, s]) => [k, withoutDefault(s as z.ZodType).optional()])));

async function itemResponse(api: Pick<ApiContext, "ctx">, res: WriteResult, status = 200): Promise<Response> {
  if (!res.ok) return writeFailed(res, api.ctx.requestId);
  const { ctx } = api;
  const row = (await getItemRow(ctx.organization.id, res.item.id)) ?? { ...res.item, categoryName: null };
  return Response.json({ data: toItemJson(row, ctx.organization.currency) }, { status });
}

async function quantityDenied(api: Pick<ApiContext, "ctx" | "can">, body: object): Promise<Response | null> {
  if (!("quantity" in body) || (body as { quantity?: unknown }).quantity === undefined) return null;
  if (await api.can(P.adjust)) return null;
  return apiError(403, "forbidden", `Changing the quantity needs the ${P.adjust} permission; use adjust-stock, or leave quantity out.`, { requestId: api.ctx.requestId });
}

const ITEM_ERRORS = { 409: "Another item in this organization already has this SKU (`error.fields.sku`)." };

export const itemRoutes: ApiRoute[] = [
  defineApiRoute({
    method: "GET",
    path: "items",
    permission: P.view,
    tags: TAG,
    summary: "List items",
    description: "Filtered and ordered in the database, one page at a time: follow `nextCursor` until it is null.",
    query: listQuery,
    response: page(itemJson),
    handler: async ({ ctx, query }) => {
      const ordering = parseOrdering(query.ordering ?? (query.q ? SEARCH_DEFAULT_ORDERING : "name"));
      const cursor = cursorOf(query.cursor, ordering, ctx.requestId);
      if (cursor instanceof Response) return cursor;
      const filter = { q: query.q, category: query.category, stock: query.stock };
      const { rows, nextCursor } = await listItemsPage(ctx.organization.id, filter, ordering, { limit: query.limit, after: cursor.after });
      return Response.json({ data: rows.map((r) => toItemJson(r, ctx.organization.currency)), nextCursor });
    },
  }),
  defineApiRoute({
    method: "POST",
    path: "items",
    permission: P.manage,
    tags: TAG,
    summary: "Create an item",
    request: createBody,
    response: one(itemJson),
    status: 201,
    errors: ITEM_ERRORS,
    handler: async (api) => itemResponse(api, await createItem(api.ctx.db, apiWho(api), api.body), 201),
  }),
  defineApiRoute({
    method: "GET",
    path: "items/:id",
    permission: P.view,
    tags: TAG,
    summary: "Get an item",
    response: one(itemJson),
    handler: async ({ ctx, params }) => {
      const row = await getItemRow(ctx.organization.id, params.id!);
      return row ? Response.json({ data: toItemJson(row, ctx.organization.currency) }) : itemNotFound(ctx.requestId);
    },
  }),
  defineApiRoute({
    method: "PUT",
    path: "items/:id",
    permission: P.manage,
    tags: TAG,
    summary: "Replace an item's details",
    description: "Omitted optional fields take their defaults, except `quantity`: leave it out to keep the stock as it is. Setting it is recorded as a stock adjustment and also needs inventory.adjust_stock.",
    request: replaceBody,
    response: one(itemJson),
    errors: ITEM_ERRORS,
    handler: async (api) => {
      const denied = await quantityDenied(api, api.body);
      if (denied) return denied;
      return itemResponse(api, await updateItem(api.ctx.db, apiWho(api), api.params.id!, api.body));
    },
  }),
  defineApiRoute({
    method: "PATCH",
    path: "items/:id",
    permission: P.manage,
    tags: TAG,
    summary: "Change some of an item's fields",
    description: "Only the fields sent change. Changing `quantity` is recorded as a stock adjustment and also needs inventory.adjust_stock.",
    request: patchBody,
    response: one(itemJson),
    errors: ITEM_ERRORS,
    handler: async (api) => {
      const sent = api.body as ItemPatch;
      if (Object.keys(sent).length === 0) {
        return apiError(400, "validation_failed", "The request body is invalid; see `fields`.", { requestId: api.ctx.requestId, fields: { _body: "Send at least one field to change" } });
      }
      const denied = await quantityDenied(api, sent);
      if (denied) return denied;
      return itemResponse(api, await updateItem(api.ctx.db, apiWho(api), api.params.id!, sent));
    },
  }),
  defineApiRoute({
    method: "DELETE",
    path: "items/:id",
    permission: P.delete,
    tags: TAG,
    summary: "Delete an item",
    description: "Deletes the item with its adjustment history and alerts.",
    status: 204,
    handler: async (api) => {
      const res = await deleteItem(api.ctx.db, apiWho(api), api.params.id!);
      return res.ok ? new Response(null, { status: 204 }) : writeFailed(res, api.ctx.requestId);
    },
  }),
];
