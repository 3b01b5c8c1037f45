// The test kit's CSV import (issue 18.5): a file imported into a test organization the way the Import
// page and POST /api/v1/imports drive it — stored, detected and mapped automatically, previewed, then
// committed batch by batch until done — by the engine itself, without the job runner in between.
//
//   const imp = await importCsv(org, "hello.greetings", "Message\nGood morning\n");
//   expect(imp).toMatchObject({ status: "completed", createdCount: 1 });
import { rootDb } from "@/core/db/client";
import { createImport } from "@/core/imports/create";
import { runCommit } from "@/core/imports/engine/commit";
import { runPreview } from "@/core/imports/engine/preview";
import { runUndo } from "@/core/imports/engine/undo";
import { MAX_IMPORT_BYTES, storeFile } from "@/core/imports/storage";
import type { Role } from "@/core/auth/roles";
import type { TestOrganization } from "@/core/testing/plugin-test-kit";

async function* bytesOf(text: string): AsyncGenerator<Uint8Array> {
  yield new TextEncoder().encode(text);
}

/** Uploads and previews: the import as the preview left it (status "previewed", or "failed" with `error`). */
export async function previewCsv(org: TestOrganization, resourceId: string, csv: string, opts: { role?: Role; updateExisting?: boolean } = {}) {
  const userId = org.members[opts.role ?? "owner"].id;
  const { fileId } = await storeFile({ organizationId: org.org.id, purpose: "import", name: "kit.csv", createdById: userId, source: bytesOf(csv), maxBytes: MAX_IMPORT_BYTES });
  const { id } = await createImport({ organizationId: org.org.id, userId }, resourceId, fileId, "kit.csv");
  if (opts.updateExisting !== undefined) await rootDb().dataImport.update({ where: { id }, data: { updateExisting: opts.updateExisting } });
  await runPreview(id);
  return rootDb().dataImport.findUniqueOrThrow({ where: { id } });
}

/** Uploads, previews and commits: the finished import (createdCount, updatedCount, status...). */
export async function importCsv(org: TestOrganization, resourceId: string, csv: string, opts: { role?: Role; updateExisting?: boolean } = {}) {
  const previewed = await previewCsv(org, resourceId, csv, opts);
  if (previewed.status !== "previewed") throw new Error(`The preview did not finish: ${previewed.status} ${previewed.error ?? ""}`);
  while (!(await runCommit(previewed.id)).done);
  return rootDb().dataImport.findUniqueOrThrow({ where: { id: previewed.id } });
}

/** Undoes a committed import: { ok: true }, or the records that changed since and block it. */
export function undoImport(importId: string) {
  return runUndo(importId);
}
