// Greeting reads and writes, always through the organization-scoped client.
import { z } from "zod";
import type { OrgContext } from "@/core/auth/context";
import { emit } from "@/core/events/emit";
import type { TxClient } from "@/core/db/tx";
import type { Actor, PluginOrganization } from "@/core/plugins/types";
import { helloGreeted } from "./events";

export { greetingInput } from "./schema";

export function listGreetings(ctx: OrgContext, take = 50, skip = 0) {
  return ctx.db.helloGreeting.findMany({ orderBy: [{ createdAt: "desc" }, { id: "desc" }], take, skip });
}

export function getGreeting(ctx: OrgContext, id: string) {
  return z.uuid().safeParse(id).success ? ctx.db.helloGreeting.findFirst({ where: { id } }) : Promise.resolve(null);
}

/** Writes a greeting and emits hello.greeted in one transaction (the tx of the caller when given). */
export async function writeGreeting(
  tx: TxClient,
  meta: { organization: PluginOrganization; actor: Actor },
  data: { message: string; patientId?: string | null; createdById?: string | null },
) {
  const greeting = await tx.helloGreeting.create({
    data: { organizationId: meta.organization.id, message: data.message, patientId: data.patientId ?? null, createdById: data.createdById ?? null },
  });
  await emit(tx, meta, helloGreeted, { greetingId: greeting.id, message: greeting.message, patientId: greeting.patientId });
  return greeting;
}

export function createGreeting(ctx: OrgContext, message: string) {
  return ctx.db.$transaction((tx) =>
    writeGreeting(tx as unknown as TxClient, { organization: ctx.organization, actor: { type: "user", id: ctx.user.id, name: ctx.user.name } }, { message, createdById: ctx.user.id }),
  );
}

export function greetingsToday(ctx: OrgContext) {
  return ctx.db.helloGreeting.count({ where: { createdAt: { gte: new Date(Date.now() - 86_400_000) } } });
}
