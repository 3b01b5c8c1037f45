// The Audit plugin: a tamper-evident, append-only change history of the organization. In-transaction
// handlers of core's and inventory's typed events write one entry per change through every write
// path (forms, bulk actions, REST, imports, jobs), chained per organization by sha256 (chain/).
import { definePlugin } from "@/core/plugins/types";
import { auditApi } from "./api";
import { ensureChainHead } from "./chain/append";
import { auditCli } from "./cli";
import { auditHandlers } from "./handlers";
import { AUDIT_PERMISSIONS as P } from "./permissions";
import { auditSettings } from "./settings";

export default definePlugin({
  id: "audit",
  name: "Audit log",
  version: "1.0.0",
  description: "Tamper-evident history of every change: who, what, before and after, from where — with a verifiable hash chain.",
  author: "Ritiko",
  permissions: [
    { key: P.view, label: "View the audit log" },
    { key: P.export, label: "Export the audit log" },
    { key: P.verify, label: "Verify the audit chain" },
  ],
  groups: [{ key: "audit.auditor", label: "Auditor", permissions: [P.view, P.export, P.verify] }],
  // Switching it off pauses the record: only an owner may, with a reason, and the gap stays visible.
  protected: { warning: "nothing done while the audit log is off is recorded, and the Audit page will show the gap." },
  settings: auditSettings,
  handlers: { inTransaction: auditHandlers },
  // The chain head exists before the first audited write (its own "plugin enabled" entry), so appends
  // never race to create it. Kept on disable: the chain continues when the plugin is enabled again.
  lifecycle: { onEnabled: ({ tx, organization }) => ensureChainHead(tx, organization.id) },
  menu: [{ label: "Audit log", href: "/audit", icon: "ShieldCheck", order: 90, permission: P.view }],
  widgets: [{ id: "record-history", zone: "record.history", permission: P.view, component: () => import("./widgets/record-history") }],
  pages: [
    { path: "", title: "Audit log", permission: P.view, component: () => import("./pages/audit-page") },
    { path: "entries/:id", title: "Audit entry", permission: P.view, component: () => import("./pages/entry-page") },
  ],
  api: auditApi,
  cli: auditCli,
});
