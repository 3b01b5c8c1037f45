export const AUDIT_PERMISSIONS = {
  view: "audit.view",
  export: "audit.export",
  verify: "audit.verify",
} as const;
