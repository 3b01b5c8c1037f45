// Display names shared by the viewer, the entry page and the history widget.
import type { FieldChange } from "../chain/types";

export const ACTION_LABELS: Record<string, string> = {
  created: "Created",
  updated: "Updated",
  deleted: "Deleted",
  bulk_updated: "Bulk updated",
  imported: "Imported",
  plugin_enabled: "Plugin enabled",
  plugin_disabled: "Plugin disabled",
  settings_changed: "Settings changed",
  login: "Signed in",
  permissions_changed: "Permissions changed",
  token_created: "API token created",
  token_revoked: "API token revoked",
};

export const TARGET_LABELS: Record<string, string> = {
  "core.patient": "Patient",
  "core.appointment": "Appointment",
  "inventory.item": "Inventory item",
  plugin: "Plugin",
  settings: "Settings",
  organization: "Organization",
  session: "Sign-in",
  member: "Member",
  api_token: "API token",
};

export function showValue(v: unknown): string {
  if (v === null || v === undefined) return "—";
  return typeof v === "string" ? v : JSON.stringify(v);
}

export function changeSummary(changes: FieldChange[]): string {
  if (changes.length === 0) return "";
  const names = changes.map((c) => c.field);
  return names.length > 4 ? `${names.slice(0, 4).join(", ")} +${names.length - 4}` : names.join(", ");
}
