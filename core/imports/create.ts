// A new import from an uploaded (stored) file: detection of encoding, delimiter and header on the
// file's first 64 KiB, then the column mapping — the organization's saved mapping for these headers
// if there is one, else the automatic one (names and aliases). Throws CsvFileError for a file that is
// not usable CSV (empty, binary, no header, no rows, unreadable); the caller deletes the stored file.
import { rootDb } from "@/core/db/client";
import { CSV_HEAD_BYTES, detectCsv, type CsvDetection } from "./csv/detect";
import { CsvFileError } from "./csv/errors";
import { autoMap, missingRequired } from "./csv/mapping";
import { savedMapping } from "./mappings";
import { importResource } from "./registry";
import { fileInfo, readHead } from "./storage";

export type DetectOverrides = { encoding?: CsvDetection["encoding"]; delimiter?: CsvDetection["delimiter"]; hasHeader?: boolean; headerRow?: number };

/** How many lines above the header a file may have (title, date, "exported by…") that we look past. */
export const MAX_TITLE_LINES = 5;

/** Detection on the stored file's head (also re-run by configureImport when the member overrides it). */
export async function detectStoredFile(organizationId: string, fileId: string, overrides: DetectOverrides = {}): Promise<CsvDetection> {
  const info = await fileInfo(organizationId, fileId);
  if (!info) throw new CsvFileError("unreadable", "The uploaded file is no longer available.");
  const head = await readHead(organizationId, fileId, CSV_HEAD_BYTES);
  const detection = detectCsv(head, { ...overrides, requireHeader: overrides.hasHeader === undefined, complete: info.size <= CSV_HEAD_BYTES });
  if (detection.sampleRows.length === 0) {
    throw new CsvFileError("no_rows", detection.hasHeader ? "The file has a header row but no data rows." : "The file has no data rows.");
  }
  return detection;
}

export async function createImport(
  ctx: { organizationId: string; userId: string | null },
  resourceId: string,
  fileId: string,
  fileName: string,
): Promise<{ id: string }> {
  const resource = await importResource(resourceId);
  if (!resource) throw new Error(`Unknown import resource "${resourceId}"`);
  let d: CsvDetection | null = null;
  let noHeader: CsvFileError | null = null;
  try {
    d = await detectStoredFile(ctx.organizationId, fileId);
  } catch (err) {
    // A title line ("Stock list, 1 March 2026") is no header: look below it before refusing the file.
    if (!(err instanceof CsvFileError && err.code === "no_header")) throw err;
    noHeader = err;
  }
  // Title lines above the real header: the header is the first line whose names map every required
  // field (the member can choose another line on the import page).
  const mapsRequired = (x: CsvDetection) => x.hasHeader && missingRequired(autoMap(x.headers, resource.fields), resource.fields).length === 0;
  if (!d || !mapsRequired(d)) {
    for (let n = 2; n <= MAX_TITLE_LINES + 1; n++) {
      const below = await detectStoredFile(ctx.organizationId, fileId, { headerRow: n, hasHeader: true }).catch(() => null);
      if (below && mapsRequired(below)) {
        d = below;
        break;
      }
    }
  }
  if (!d) throw noHeader!;
  const saved = await savedMapping(ctx.organizationId, resourceId, d.headers);
  const mapping = autoMap(d.headers, resource.fields, saved);
  const row = await rootDb().dataImport.create({
    data: {
      organizationId: ctx.organizationId,
      resource: resourceId,
      fileId,
      fileName: fileName.slice(0, 255) || "upload.csv",
      status: "uploaded",
      encoding: d.encoding,
      delimiter: d.delimiter,
      hasHeader: d.hasHeader,
      headerRow: d.headerRow,
      headers: d.headers,
      mapping,
      createdById: ctx.userId,
    },
    select: { id: true },
  });
  return row;
}
