// Core's own REST API sections, served under /api/v1/<section id>/ exactly like a plugin's routes (the
// same dispatcher, authentication, error shape and OpenAPI document), but present in every
// organization: they belong to no plugin that could be disabled. A plugin id may not be one of these.
import { importsApi } from "@/core/imports/api/routes";
import type { ApiSection } from "./document";

export const coreApiSections: readonly ApiSection[] = [
  {
    id: "imports",
    name: "Imports",
    description: "CSV imports as a script drives them: upload, preview, commit, cancel, undo, and the rejected rows.",
    api: importsApi,
  },
];

export function coreApiSection(id: string): ApiSection | undefined {
  return coreApiSections.find((s) => s.id === id);
}
