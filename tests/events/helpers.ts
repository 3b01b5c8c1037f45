// Helpers for the event tests: enabling a fixture plugin for an organization, and a transaction
// client that records every statement it is asked to run (to prove bulk writes cost a few statements).
import type { OrgContext } from "@/core/auth/context";
import { rootDb } from "@/core/db/client";
import type { PluginManifest } from "@/core/plugins/types";
import { registerPluginRegistry } from "@/core/plugins/registry";

/** Registers exactly these manifests as the installed plugins of this test process. */
export function installPlugins(...plugins: PluginManifest[]) {
  registerPluginRegistry(Object.fromEntries(plugins.map((p) => [p.id, async () => ({ default: p })])));
}

/** Marks the plugin enabled (or disabled) for the organization, as the lifecycle would. */
export async function setPluginEnabled(organizationId: string, pluginId: string, enabled = true) {
  await rootDb().pluginInstallation.upsert({
    where: { organizationId_pluginId: { organizationId, pluginId } },
    create: { organizationId, pluginId, enabled, version: "1.0.0" },
    update: { enabled },
  });
}

/**
 * Wraps a Prisma (transaction) client so that each statement it runs is appended to `log`:
 * "patient.update", "$queryRaw UPDATE", "$executeRaw INSERT", ...
 */
export function counting<T extends object>(client: T, log: string[]): T {
  return new Proxy(client, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof prop !== "string") return value;
      if (typeof value === "function" && prop.startsWith("$")) {
        return (...args: unknown[]) => {
          const first = args[0] as { strings?: readonly string[] } | readonly string[];
          const text = Array.isArray(first) ? first.join("?") : ((first as { strings?: readonly string[] }).strings?.join("?") ?? "");
          log.push(`${prop} ${topLevelVerb(text)}`.trim());
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      }
      if (value && typeof value === "object" && !prop.startsWith("$") && !prop.startsWith("_")) {
        return new Proxy(value as object, {
          get(model, method, r) {
            const fn = Reflect.get(model, method, r);
            if (typeof fn !== "function" || typeof method !== "string") return fn;
            return (...args: unknown[]) => {
              log.push(`${prop}.${method}`);
              return (fn as (...a: unknown[]) => unknown).apply(model, args);
            };
          },
        });
      }
      return value;
    },
  });
}

/** What a statement does: its first SQL verb outside parentheses ("WITH x AS (SELECT ...) UPDATE ..." is an UPDATE). */
function topLevelVerb(sql: string): string {
  let flat = sql;
  for (let prev = ""; prev !== flat; ) [prev, flat] = [flat, flat.replace(/\([^()]*\)/g, " ")];
  return /\b(INSERT|UPDATE|DELETE|SELECT)\b/i.exec(flat)?.[1]?.toUpperCase() ?? "";
}

/** The context with a db whose transactions record their statements into `log`. */
export function countingContext(ctx: OrgContext, log: string[]): OrgContext {
  const db = {
    $transaction: (fn: (tx: unknown) => Promise<unknown>, options?: object) =>
      ctx.db.$transaction((tx) => fn(counting(tx, log)), options),
  };
  return { ...ctx, db: db as unknown as OrgContext["db"] };
}
