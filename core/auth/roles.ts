// Core roles and what each may do with core records. Plugins get finer permissions (plugin runtime).
import type { Role } from "@/core/db/generated/enums";

export const ROLES = ["owner", "admin", "staff", "viewer"] as const satisfies readonly Role[];
export type { Role };

export const ROLE_LABELS: Record<Role, string> = { owner: "Owner", admin: "Admin", staff: "Staff", viewer: "Viewer" };

const CAPABILITIES = {
  "records.read": ["owner", "admin", "staff", "viewer"],
  "records.write": ["owner", "admin", "staff"],
  "records.delete": ["owner", "admin", "staff"],
  "organization.manage": ["owner", "admin"],
} as const satisfies Record<string, readonly Role[]>;

export type Capability = keyof typeof CAPABILITIES;

export function can(role: Role, capability: Capability): boolean {
  return (CAPABILITIES[capability] as readonly Role[]).includes(role);
}
