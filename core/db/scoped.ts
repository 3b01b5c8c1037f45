// Organization scoping by construction. `scopedDb(orgId)` returns a Prisma client whose every query on an
// organization-owned model gets `organizationId = orgId` forced into its filter (reads, updates, deletes)
// or its data (creates, upserts). Callers cannot widen it: our value is spread last, so a caller-supplied
// organizationId is overwritten, never trusted. A record of another organization therefore simply does
// not exist for the caller (findFirst -> null, update -> P2025 "not found"), which pages turn into 404.
import { rootDb } from "./client";

type DataModel = { models: Record<string, { fields: { name: string; kind: string }[] }> };
let scopedModels: ReadonlySet<string> | undefined;

/**
 * Models that belong to one organization: every model (core or plugin) with an `organizationId`
 * field, read from the generated client's data model, so a new model is scoped without anyone having
 * to remember it. A test checks this against the schema files.
 */
export function orgScopedModels(): ReadonlySet<string> {
  scopedModels ??= new Set(
    Object.entries((rootDb() as unknown as { _runtimeDataModel: DataModel })._runtimeDataModel.models)
      .filter(([, m]) => m.fields.some((f) => f.name === "organizationId" && f.kind === "scalar"))
      .map(([name]) => name),
  );
  return scopedModels;
}

const WHERE_OPS = new Set([
  "findUnique", "findUniqueOrThrow", "findFirst", "findFirstOrThrow", "findMany", "count", "aggregate",
  "groupBy", "update", "updateMany", "updateManyAndReturn", "delete", "deleteMany",
]);
const DATA_OPS = new Set(["create", "createMany", "createManyAndReturn"]);

type Args = Record<string, unknown> & { where?: object; data?: unknown; create?: object; update?: unknown };

export function scopeArgs(operation: string, args: Args, organizationId: string): Args {
  const next: Args = { ...args };
  if (WHERE_OPS.has(operation) || operation === "upsert") {
    next.where = { ...(args.where ?? {}), organizationId };
  }
  if (DATA_OPS.has(operation)) {
    next.data = Array.isArray(args.data)
      ? args.data.map((row: object) => ({ ...row, organizationId }))
      : { ...(args.data as object), organizationId };
  }
  if (operation === "upsert") {
    next.create = { ...(args.create ?? {}), organizationId };
    // `update` of an upsert only runs on the row matched by the (scoped) where, and must not move it.
    if (args.update && typeof args.update === "object" && "organizationId" in args.update) {
      const { organizationId: _ignored, ...rest } = args.update as Record<string, unknown>;
      void _ignored;
      next.update = rest;
    }
  }
  if (operation === "update" || operation === "updateMany" || operation === "updateManyAndReturn") {
    // Moving a record to another organization is never a legitimate update.
    const data = args.data as Record<string, unknown> | undefined;
    if (data && "organizationId" in data) {
      const { organizationId: _ignored, ...rest } = data;
      void _ignored;
      next.data = rest;
    }
  }
  return next;
}

function buildScopedDb(organizationId: string) {
  return rootDb().$extends({
    name: "organization-scope",
    query: {
      $allModels: {
        $allOperations({ model, operation, args, query }) {
          if (!orgScopedModels().has(model)) return query(args);
          return query(scopeArgs(operation, (args ?? {}) as Args, organizationId) as typeof args);
        },
      },
    },
  });
}

type FullScoped = ReturnType<typeof buildScopedDb>;
/**
 * What organization-scoped code (core and plugins) may touch: every organization-owned model, and
 * transactions. Users, organizations and raw SQL are not exposed here: raw SQL must bind the
 * organization id itself (see core/appointments/bulk.ts), and users/organizations are read through
 * core/auth.
 */
export type ScopedDb = Omit<
  FullScoped,
  "organization" | "user" | "loginAttempt" | "$queryRaw" | "$executeRaw" | "$queryRawUnsafe" | "$executeRawUnsafe" | "$connect" | "$disconnect" | "$extends" | "$on"
>;

const cache = new Map<string, FullScoped>();

export function scopedDb(organizationId: string): ScopedDb {
  if (!organizationId) throw new Error("scopedDb needs an organization id");
  let db = cache.get(organizationId);
  if (!db) {
    db = buildScopedDb(organizationId);
    // Extensions are cheap but not free; keep a bounded cache (one entry per active organization).
    if (cache.size > 500) cache.clear();
    cache.set(organizationId, db);
  }
  return db;
}
