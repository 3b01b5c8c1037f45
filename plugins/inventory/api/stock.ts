// /api/v1/inventory/items/low-stock and /items/:id/adjust-stock. An adjustment is one atomic UPDATE
// (items/stock.ts): concurrent calls on one item serialize on its row lock and each applies to the
// latest quantity, so none is lost; the quantity never goes below zero (409 instead). The adjustment
// row records the user and, for token calls, the API token.
import { z } from "zod";
import { apiError } from "@/core/http/api-errors";
import { kickOutbox } from "@/core/events/outbox-signal";
import { defineApiRoute } from "@/core/openapi/define-route";
import type { ApiRoute } from "@/core/plugins/types";
import { adjustInput, MAX_QUANTITY } from "../items/schema";
import { adjustStock } from "../items/stock";
import { adjustStockHot } from "../items/stock-hot";
import { INVENTORY_PERMISSIONS as P } from "../permissions";
import { pageQuery } from "./page-query";
import { itemNotFound } from "./errors";
import { listItemsPage } from "../items/reads";
import { cursorOf, filterQuery, orderingParam, parseOrdering } from "./items";
import { adjustmentJson, itemJson, one, page, toItemJson } from "./json";
import { apiWho } from "./who";

const lowStockQuery = z.strictObject({ ...filterQuery, ordering: orderingParam("quantity"), ...pageQuery });

const adjustBody = z.strictObject({
  amount: adjustInput.shape.amount.meta({
    description: `Units to add (positive) or remove (negative); a whole number, not zero, between -${MAX_QUANTITY} and ${MAX_QUANTITY}.`,
    examples: [5],
    minimum: -MAX_QUANTITY,
    maximum: MAX_QUANTITY,
  }),
  reason: adjustInput.shape.reason.meta({ description: "Why, for the item's history (at most 500 characters).", examples: ["Delivery from supplier"] }),
});

// Waiting for the row lock is the point under concurrency: give a busy item's queue room rather than
// failing callers after Prisma's default 2 s wait for a connection.
const TX_OPTIONS = { maxWait: 15_000, timeout: 20_000 };

export const stockRoutes: ApiRoute[] = [
  defineApiRoute({
    method: "GET",
    path: "items/low-stock",
    permission: P.view,
    tags: ["Stock"],
    summary: "List items below their reorder threshold",
    description: "Items whose quantity is below their reorder threshold, lowest quantity first by default; pages like the item list.",
    query: lowStockQuery,
    response: page(itemJson),
    handler: async ({ ctx, query }) => {
      const ordering = parseOrdering(query.ordering);
      const cursor = cursorOf(query.cursor, ordering, ctx.requestId);
      if (cursor instanceof Response) return cursor;
      const filter = { q: query.q, category: query.category, stock: "low" as const };
      const { rows, nextCursor } = await listItemsPage(ctx.organization.id, filter, ordering, { limit: query.limit, after: cursor.after });
      return Response.json({ data: rows.map((r) => toItemJson(r, ctx.organization.currency)), nextCursor });
    },
  }),
  defineApiRoute({
    method: "POST",
    path: "items/:id/adjust-stock",
    permission: P.adjust,
    tags: ["Stock"],
    summary: "Adjust an item's stock",
    description:
      "Adds `amount` to the quantity atomically and records the adjustment (with `reason`, the user and the API token). " +
      "Concurrent adjustments of one item never lose an update. Crossing below the reorder threshold opens a low-stock alert.",
    request: adjustBody,
    response: one(adjustmentJson),
    errors: { 409: "The adjustment would take the quantity below zero (`insufficient_stock`) or above 1,000,000,000 (`quantity_limit`); nothing was changed." },
    handler: async (api) => {
      const { ctx, params, body } = api;
      const who = apiWho(api);
      const opts = { delta: body.amount, reason: body.reason, source: "api" as const, userId: who.userId, apiTokenId: who.apiTokenId };
      // The hot path when the request knows the enabled plugins (token calls) and none of them handles
      // stock events in-transaction; otherwise (audit enabled, session calls) the Prisma transaction.
      const res =
        (ctx.access ? await adjustStockHot(who.meta, ctx.access.enabledPluginIds, params.id!, opts) : null) ??
        (await ctx.db.$transaction((tx) => adjustStock(tx, who.meta, params.id!, opts), TX_OPTIONS));
      if (!res.ok) {
        if (res.reason === "not_found") return itemNotFound(ctx.requestId);
        return apiError(409, res.reason === "over_limit" ? "quantity_limit" : "insufficient_stock", res.message, { requestId: ctx.requestId });
      }
      kickOutbox();
      return Response.json({
        data: { itemId: res.itemId, adjustmentId: res.adjustmentId, amount: res.delta, oldQuantity: res.oldQuantity, newQuantity: res.newQuantity, lowStock: res.lowStock },
      });
    },
  }),
];
