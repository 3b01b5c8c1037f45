// The rule for disabling a protected plugin (manifest `protected`, e.g. the audit log): a member must
// be an owner, type the plugin's name and give a reason; the command line (an operator with access to
// the server) gives a reason. Everything else is refused with what is missing, and nothing changes.
import type { Role } from "@/core/db/generated/enums";
import type { Actor, PluginManifest } from "./types";

export type DisableConsent = {
  /** The member's role in the organization, for a member's request. */
  role?: Role;
  /** What the member typed to confirm: the plugin's name. */
  confirmation?: string;
  reason?: string;
};

export const MIN_REASON_LENGTH = 5;

/** Why disabling `plugin` is refused, or null when it may go ahead (always for an unprotected plugin). */
export function protectedDisableRefusal(plugin: PluginManifest, actor: Actor, consent: DisableConsent = {}): string | null {
  if (!plugin.protected) return null;
  const reason = consent.reason?.trim() ?? "";
  if (actor.type === "user" || actor.type === "api_token") {
    if (consent.role !== "owner") return `Only an owner can disable ${plugin.name}: ${plugin.protected.warning}`;
    if ((consent.confirmation ?? "").trim().toLowerCase() !== plugin.name.toLowerCase()) return `Type “${plugin.name}” to confirm that you want to disable it.`;
  }
  if (reason.length < MIN_REASON_LENGTH) return `Give a reason for disabling ${plugin.name} (at least ${MIN_REASON_LENGTH} characters): it is recorded.`;
  return null;
}

/** How the actor is named where the disabling is shown (the dashboard warning). */
export function actorName(actor: Actor): string {
  if (actor.type === "user") return actor.name ?? actor.id;
  if (actor.type === "api_token") return `API token ${actor.id}`;
  if (actor.type === "job") return `job ${actor.name ?? actor.id}`;
  return `system (${actor.name ?? "unknown"})`;
}
