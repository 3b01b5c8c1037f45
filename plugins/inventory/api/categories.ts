// /api/v1/inventory/categories and /categories/:id. Slugs are unique per organization (409 on a clash);
// a category that items still use cannot be deleted (409 with how many), checked under a lock on the
// category so an item assigned at the same moment cannot slip in between the check and the delete.
import { z } from "zod";
import { isNotFound, isUniqueViolation } from "@/core/db/errors";
import { Prisma, rootDb } from "@/core/db/client";
import { isUuid } from "@/core/db/ids";
import { apiError } from "@/core/http/api-errors";
import { defineApiRoute } from "@/core/openapi/define-route";
import type { ApiRoute } from "@/core/plugins/types";
import { slugify } from "../categories";
import { INVENTORY_PERMISSIONS as P } from "../permissions";
import { decodeCursor, encodeCursor, type Cursor } from "@/core/lists/cursor";
import { pageQuery } from "./page-query";
import { categoryNotFound } from "./errors";
import { categoryJson, one, page, type CategoryJson } from "./json";

const TAG = ["Inventory categories"];
const ORDERING = "name";
const DUPLICATE_SLUG = "Another category in this organization already has this slug";

const name = z.string().trim().min(1, "Enter a name").max(100, "At most 100 characters").meta({ examples: ["Dental supplies"] });
const slug = z
  .string()
  .trim()
  .max(60, "At most 60 characters")
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Lower-case letters, digits and single dashes, e.g. dental-supplies")
  .meta({ description: "Unique in the organization. Default on create: derived from the name; on update: unchanged." });

const createBody = z.strictObject({ name, slug: slug.optional() });
const replaceBody = createBody;
const patchBody = z.strictObject({ name: name.optional(), slug: slug.optional() });
const listQuery = z.strictObject({ q: z.string().trim().max(100).optional().meta({ description: "Part of the name." }), ...pageQuery });

type CategoryRow = { id: string; name: string; slug: string; createdAt: Date; updatedAt: Date };

async function withCounts(organizationId: string, rows: CategoryRow[]): Promise<CategoryJson[]> {
  if (rows.length === 0) return [];
  // One grouped count for the page's categories, on the (organizationId, categoryId, ...) index.
  const counts = await rootDb().$queryRaw<Array<{ id: string; n: number }>>`
    SELECT "categoryId"::text AS id, count(*)::int AS n FROM inventory_items
    WHERE "organizationId" = ${organizationId}::uuid AND "categoryId" = ANY(${rows.map((r) => r.id)}::uuid[])
    GROUP BY "categoryId"`;
  const byId = new Map(counts.map((c) => [c.id, c.n]));
  return rows.map((r) => ({ id: r.id, name: r.name, slug: r.slug, itemCount: byId.get(r.id) ?? 0, createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString() }));
}

async function oneCategory(organizationId: string, id: string): Promise<CategoryJson | null> {
  if (!isUuid(id)) return null;
  const rows = await rootDb().$queryRaw<CategoryRow[]>`
    SELECT id::text AS id, name, slug, "createdAt", "updatedAt" FROM inventory_categories
    WHERE "organizationId" = ${organizationId}::uuid AND id = ${id}::uuid`;
  return (await withCounts(organizationId, rows))[0] ?? null;
}

function slugConflict(requestId?: string) {
  return apiError(409, "conflict", DUPLICATE_SLUG, { requestId, fields: { slug: DUPLICATE_SLUG } });
}

const CATEGORY_409 = { 409: "Another category in this organization already has this slug (`error.fields.slug`)." };

export const categoryRoutes: ApiRoute[] = [
  defineApiRoute({
    method: "GET",
    path: "categories",
    permission: P.view,
    tags: TAG,
    summary: "List categories",
    description: "Ordered by name; follow `nextCursor` until it is null.",
    query: listQuery,
    response: page(categoryJson),
    handler: async ({ ctx, query }) => {
      let after: Cursor | undefined;
      if (query.cursor) {
        const decoded = decodeCursor(query.cursor, ORDERING, "text");
        if (!decoded.ok) return apiError(400, "validation_failed", "The query string is invalid; see `fields`.", { requestId: ctx.requestId, fields: { cursor: decoded.message } });
        after = decoded.cursor;
      }
      const where: Prisma.Sql[] = [Prisma.sql`"organizationId" = ${ctx.organization.id}::uuid`];
      if (query.q) where.push(Prisma.sql`name ILIKE ${`%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`);
      if (after) where.push(Prisma.sql`(name, id) > (${String(after.v)}, ${after.id}::uuid)`);
      const rows = await rootDb().$queryRaw<CategoryRow[]>`
        SELECT id::text AS id, name, slug, "createdAt", "updatedAt" FROM inventory_categories
        WHERE ${Prisma.join(where, " AND ")} ORDER BY name, id LIMIT ${query.limit + 1}`;
      const more = rows.length > query.limit;
      const pageRows = more ? rows.slice(0, query.limit) : rows;
      const last = pageRows.at(-1);
      return Response.json({
        data: await withCounts(ctx.organization.id, pageRows),
        nextCursor: more && last ? encodeCursor({ o: ORDERING, v: last.name, id: last.id }) : null,
      });
    },
  }),
  defineApiRoute({
    method: "POST",
    path: "categories",
    permission: P.manage,
    tags: TAG,
    summary: "Create a category",
    request: createBody,
    response: one(categoryJson),
    status: 201,
    errors: CATEGORY_409,
    handler: async ({ ctx, body }) => {
      const finalSlug = body.slug || slugify(body.name);
      if (!finalSlug) {
        return apiError(400, "validation_failed", "The request body is invalid; see `fields`.", { requestId: ctx.requestId, fields: { slug: "The name has no letters or digits to make a slug from; give a slug" } });
      }
      try {
        const row = await ctx.db.inventoryCategory.create({ data: { organizationId: ctx.organization.id, name: body.name, slug: finalSlug } });
        return Response.json({ data: (await oneCategory(ctx.organization.id, row.id))! }, { status: 201 });
      } catch (err) {
        if (isUniqueViolation(err)) return slugConflict(ctx.requestId);
        throw err;
      }
    },
  }),
  defineApiRoute({
    method: "GET",
    path: "categories/:id",
    permission: P.view,
    tags: TAG,
    summary: "Get a category",
    response: one(categoryJson),
    handler: async ({ ctx, params }) => {
      const c = await oneCategory(ctx.organization.id, params.id!);
      return c ? Response.json({ data: c }) : categoryNotFound(ctx.requestId);
    },
  }),
  ...(["PUT", "PATCH"] as const).map((method) =>
    defineApiRoute({
      method,
      path: "categories/:id",
      permission: P.manage,
      tags: TAG,
      summary: method === "PUT" ? "Replace a category" : "Change a category",
      description: method === "PUT" ? "Sets the name (and the slug when given)." : "Only the fields sent change.",
      request: method === "PUT" ? replaceBody : patchBody,
      response: one(categoryJson),
      errors: CATEGORY_409,
      handler: async ({ ctx, params, body }) => {
        const data = Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined)) as { name?: string; slug?: string };
        if (!isUuid(params.id!)) return categoryNotFound(ctx.requestId);
        if (Object.keys(data).length === 0) {
          return apiError(400, "validation_failed", "The request body is invalid; see `fields`.", { requestId: ctx.requestId, fields: { _body: "Send at least one field to change" } });
        }
        try {
          await ctx.db.inventoryCategory.update({ where: { id: params.id! }, data });
        } catch (err) {
          if (isNotFound(err)) return categoryNotFound(ctx.requestId);
          if (isUniqueViolation(err)) return slugConflict(ctx.requestId);
          throw err;
        }
        const c = await oneCategory(ctx.organization.id, params.id!);
        return c ? Response.json({ data: c }) : categoryNotFound(ctx.requestId);
      },
    }),
  ),
  defineApiRoute({
    method: "DELETE",
    path: "categories/:id",
    permission: P.delete,
    tags: TAG,
    summary: "Delete a category",
    description: "Only a category no item uses: move or delete its items first.",
    status: 204,
    errors: { 409: "Items still use this category (`conflict`); the message says how many." },
    handler: async ({ ctx, params }) => {
      const id = params.id!;
      if (!isUuid(id)) return categoryNotFound(ctx.requestId);
      const organizationId = ctx.organization.id;
      // FOR UPDATE on the category: an item being assigned to it right now holds a key-share lock on
      // it, so we wait for that insert and count it; later ones wait for us and then fail their check.
      const outcome = await ctx.db.$transaction(async (tx) => {
        const found = await tx.$queryRaw<unknown[]>`SELECT 1 FROM inventory_categories WHERE "organizationId" = ${organizationId}::uuid AND id = ${id}::uuid FOR UPDATE`;
        if (found.length === 0) return { kind: "missing" as const };
        const [used] = await tx.$queryRaw<Array<{ n: number }>>`SELECT count(*)::int AS n FROM inventory_items WHERE "organizationId" = ${organizationId}::uuid AND "categoryId" = ${id}::uuid`;
        if (used!.n > 0) return { kind: "used" as const, n: used!.n };
        await tx.$executeRaw`DELETE FROM inventory_categories WHERE "organizationId" = ${organizationId}::uuid AND id = ${id}::uuid`;
        return { kind: "deleted" as const };
      });
      if (outcome.kind === "missing") return categoryNotFound(ctx.requestId);
      if (outcome.kind === "used") {
        const items = outcome.n === 1 ? "1 item uses" : `${outcome.n} items use`;
        return apiError(409, "conflict", `${items} this category; move those items to another category (or delete them) first.`, { requestId: ctx.requestId });
      }
      return new Response(null, { status: 204 });
    },
  }),
];
