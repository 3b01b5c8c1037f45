// The audit plugin's subscriptions: every typed event of core records (patients, appointments), the
// organization's own settings,
// inventory items and stock, plugin transitions, settings saves, sign-ins, member permission changes
// and API tokens created or revoked. All are in-transaction
// handlers — the entry is written in the transaction of the change, so a rolled-back change leaves no
// entry and a failed audit write aborts the change (emit wraps it in EventHandlerError). Bulk writes
// (emitMany) reach `handleMany`: one call for the whole batch, appended with a few multi-row INSERTs.
import type { TxClient } from "@/core/db/tx";
import {
  apiTokenCreated, apiTokenRevoked, appointmentCreated, appointmentDeleted, appointmentUpdated, authLogin, patientCreated, patientDeleted,
  organizationUpdated, patientUpdated, permissionsChanged, pluginDisabled, pluginEnabled, settingsChanged,
} from "@/core/events/core-events";
import type { EventDefinition, EventPayload } from "@/core/events/define-event";
import { getPlugin } from "@/core/plugins/registry";
import { onEvent, type Actor, type EventHandlerContext, type InTransactionHandler } from "@/core/plugins/types";
import { appendEntries } from "../chain/append";
import type { AuditActor, FieldChange, NewEntry } from "../chain/types";
import { auditActor } from "./actor";
import { fieldChanges, recordAction, sourceOf, type RecordKind, type RecordPayload } from "./changes";
import { itemCreated, itemDeleted, itemUpdated, stockAdjusted } from "./inventory-events";
import { appointmentLabel, itemLabel, patientLabels } from "./labels";

type Ctx = Omit<EventHandlerContext, "eventId"> & { tx: TxClient };
type Batch<E extends EventDefinition> = { eventId: string; payload: EventPayload<E> }[];

// Per-transaction memo (the tx object lives exactly as long as the transaction): resolved actor
// labels, and the item quantity changes already recorded by an item update, so the stock adjustment
// that the same edit emits is not recorded twice.
const actorMemo = new WeakMap<object, Map<string, AuditActor>>();
const quantityMemo = new WeakMap<object, Set<string>>();

async function actorOf(ctx: Ctx): Promise<AuditActor> {
  let memo = actorMemo.get(ctx.tx);
  if (!memo) actorMemo.set(ctx.tx, (memo = new Map()));
  const key = JSON.stringify(ctx.actor);
  let a = memo.get(key);
  if (!a) memo.set(key, (a = await auditActor(ctx.tx, ctx.actor as Actor)));
  return a;
}

/**
 * `mask`: the maskedPatientFields ("patient": changes and label) or maskedAppointmentFields
 * ("appointment": changes, and the label if it would show a masked field) setting applies, in the appending statement (chain/append.ts).
 */
type RecordSpec = { targetType: string; mask?: "patient" | "appointment"; label: (r: Record<string, unknown> | null) => string | null };

function recordHandler<E extends EventDefinition>(event: E, kind: RecordKind, spec: RecordSpec): InTransactionHandler {
  const write = async (events: Batch<E>, ctx: Ctx) => {
    const actor = await actorOf(ctx);
    const entries: NewEntry[] = [];
    for (const { eventId, payload } of events) {
      const p = payload as unknown as RecordPayload & { source?: unknown };
      const changes = fieldChanges(kind, p);
      if (kind === "updated" && changes.length === 0) continue; // a save that changed nothing
      if (spec.targetType === "inventory.item" && kind === "updated" && p.changes.includes("quantity")) rememberQuantity(ctx.tx, p.id, p.before?.quantity, p.after?.quantity);
      const source = sourceOf(ctx.origin, p);
      entries.push({
        actor,
        action: recordAction(kind, source),
        target: { type: spec.targetType, id: p.id, label: spec.mask === "patient" ? null : spec.label(p.after ?? p.before) },
        changes,
        origin: { ...ctx.origin, ...(source ? { source } : {}) },
        eventId,
        ...(spec.mask === "patient" ? { mask: { kind: "patient" as const, labels: patientLabels(p.after ?? p.before) } } : {}),
        ...(spec.mask === "appointment" ? { mask: { kind: "appointment" as const } } : {}),
      });
    }
    await appendEntries(ctx.tx, ctx.organization.id, entries);
  };
  return onEvent({
    event,
    handle: (payload, ctx) => write([{ eventId: ctx.eventId, payload }], ctx),
    handleMany: (events, ctx) => write(events, ctx),
  });
}

function rememberQuantity(tx: object, id: string, before: unknown, after: unknown) {
  let set = quantityMemo.get(tx);
  if (!set) quantityMemo.set(tx, (set = new Set()));
  set.add(`${id}:${String(before)}:${String(after)}`);
}

/** A stock adjustment is an update of the item's quantity — unless the item update of the same edit already recorded it. */
const stockHandler = (() => {
  const write = async (events: Batch<typeof stockAdjusted>, ctx: Ctx) => {
    const seen = quantityMemo.get(ctx.tx);
    const actor = await actorOf(ctx);
    const entries: NewEntry[] = [];
    for (const { eventId, payload: p } of events) {
      if (seen?.has(`${p.itemId}:${p.oldQuantity}:${p.newQuantity}`)) continue;
      const source = sourceOf(ctx.origin, p);
      const changes: FieldChange[] = [{ field: "quantity", before: p.oldQuantity, after: p.newQuantity }];
      if (p.reason) changes.push({ field: "adjustment reason", before: null, after: p.reason });
      entries.push({ actor, action: recordAction("updated", source), target: { type: "inventory.item", id: p.itemId, label: p.label }, changes, origin: { ...ctx.origin, ...(source ? { source } : {}) }, eventId });
    }
    await appendEntries(ctx.tx, ctx.organization.id, entries);
  };
  return onEvent({ event: stockAdjusted, handle: (payload, ctx) => write([{ eventId: ctx.eventId, payload }], ctx), handleMany: write });
})();

function single<E extends EventDefinition>(event: E, build: (payload: EventPayload<E>, ctx: Ctx) => Promise<Omit<NewEntry, "actor" | "eventId" | "origin">>): InTransactionHandler {
  return onEvent({
    event,
    handle: async (payload, ctx) => {
      const entry = await build(payload, ctx);
      await appendEntries(ctx.tx, ctx.organization.id, [{ ...entry, actor: await actorOf(ctx), origin: ctx.origin, eventId: ctx.eventId }]);
    },
  });
}

const transition = (action: "plugin_enabled" | "plugin_disabled") => async (p: EventPayload<typeof pluginEnabled>) => ({
  action,
  target: { type: "plugin", id: p.pluginId, label: p.name },
  changes: [
    { field: "enabled", before: action === "plugin_disabled", after: action === "plugin_enabled" },
    { field: "version", before: null, after: p.version },
    // Why it was disabled (a protected plugin, such as this one, needs a reason).
    ...(p.reason ? [{ field: "reason", before: null, after: p.reason }] : []),
  ],
});

export const auditHandlers: InTransactionHandler[] = [
  recordHandler(patientCreated, "created", { targetType: "core.patient", mask: "patient", label: () => null }),
  recordHandler(patientUpdated, "updated", { targetType: "core.patient", mask: "patient", label: () => null }),
  recordHandler(patientDeleted, "deleted", { targetType: "core.patient", mask: "patient", label: () => null }),
  recordHandler(appointmentCreated, "created", { targetType: "core.appointment", mask: "appointment", label: appointmentLabel }),
  recordHandler(appointmentUpdated, "updated", { targetType: "core.appointment", mask: "appointment", label: appointmentLabel }),
  recordHandler(appointmentDeleted, "deleted", { targetType: "core.appointment", mask: "appointment", label: appointmentLabel }),
  recordHandler(itemCreated, "created", { targetType: "inventory.item", label: itemLabel }),
  recordHandler(itemUpdated, "updated", { targetType: "inventory.item", label: itemLabel }),
  recordHandler(itemDeleted, "deleted", { targetType: "inventory.item", label: itemLabel }),
  stockHandler,
  single(pluginEnabled, transition("plugin_enabled")),
  single(pluginDisabled, transition("plugin_disabled")),
  single(settingsChanged, async (p) => {
    const name = (await getPlugin(p.pluginId))?.name ?? p.pluginId;
    const secret = new Set(p.secrets);
    const changes: FieldChange[] = p.changed.map((key) =>
      secret.has(key) ? { field: key, before: null, after: null, redacted: "secret" } : { field: key, before: p.before[key] ?? null, after: p.after[key] ?? null },
    );
    return { action: "settings_changed", target: { type: "settings", id: p.pluginId, label: `${name} settings` }, changes };
  }),
  // The organization's own settings (name, time zone, currency, locale): each changed field, before and after.
  single(organizationUpdated, async (p, ctx) => ({
    action: "settings_changed",
    target: { type: "organization", id: p.organizationId, label: `${p.after.name ?? ctx.organization.name} settings` },
    changes: p.changed.map((field) => ({ field, before: p.before[field] ?? null, after: p.after[field] ?? null })),
  })),
  single(authLogin, async (p) => ({ action: "login", target: { type: "session", id: p.userId, label: p.email }, changes: [] })),
  single(permissionsChanged, async (p) => {
    const name = (await getPlugin(p.pluginId))?.name ?? p.pluginId;
    const changes: FieldChange[] = [];
    if (p.granted.length || p.revoked.length) changes.push({ field: `${name} permissions`, before: [...p.permissions.filter((k) => !p.granted.includes(k)), ...p.revoked].sort(), after: p.permissions });
    if (p.groupsAdded.length || p.groupsRemoved.length) changes.push({ field: `${name} groups`, before: [...p.groups.filter((k) => !p.groupsAdded.includes(k)), ...p.groupsRemoved].sort(), after: p.groups });
    return { action: "permissions_changed", target: { type: "member", id: p.memberUserId, label: p.memberEmail }, changes };
  }),
  // The token's id, name, display prefix, owner and expiry only: the event carries no token or hash.
  single(apiTokenCreated, async (p) => ({
    action: "token_created",
    target: { type: "api_token", id: p.tokenId, label: `${p.name} (${p.prefix}…)` },
    changes: [
      { field: "owner", before: null, after: p.userId },
      { field: "expires", before: null, after: p.expiresAt },
    ],
  })),
  single(apiTokenRevoked, async (p) => ({
    action: "token_revoked",
    target: { type: "api_token", id: p.tokenId, label: `${p.name} (${p.prefix}…)` },
    changes: [{ field: "revoked", before: false, after: true }],
  })),
];
