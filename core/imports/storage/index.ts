// Stored files of imports, exports and error reports: the one entry point the rest of the app uses.
// Where the bytes live is decided per file at write time (stored_files.storage): PostgreSQL by default
// (postgres.ts), an S3-compatible bucket when S3_* is configured (s3.ts). Every read is by
// (organizationId, fileId): a file of another organization does not exist for the caller.
//
// Retention: a complete file expires IMPORT_RETENTION_DAYS (default 7) after upload; the hourly cron
// (core/imports/jobs.ts) calls deleteExpiredFiles. Imports keep their history (counts, errors,
// journal); only the bytes go, and the import page then says the file was removed.
import { CsvFileError } from "@/core/imports/csv/errors";
import { rootDb } from "@/core/db/client";
import { formatBytes } from "@/core/format/bytes";
import { FileTooLargeError, readFromPostgres, storeInPostgres } from "./postgres";
import { abortOrphanedUploads, deleteS3Object, readFromS3, s3Config, storeInS3 } from "./s3";

export { MAX_IMPORT_BYTES } from "../limits";

export function retentionDays(): number {
  const n = Number(process.env.IMPORT_RETENTION_DAYS ?? 7);
  return Number.isFinite(n) && n > 0 ? n : 7;
}

export type StoreFileInput = {
  organizationId: string;
  purpose: "import" | "export" | "error_report";
  name: string;
  createdById?: string | null;
  contentType?: string;
  source: AsyncIterable<Uint8Array>;
  maxBytes: number;
  retentionDays?: number;
};

export type StoredFileInfo = {
  id: string;
  name: string;
  size: number;
  sha256: string | null;
  storage: string;
  storageKey: string | null;
  contentType: string;
  expiresAt: Date;
};

/**
 * Streams `source` into storage. Throws CsvFileError "too_large" (nothing stored) past maxBytes; any
 * other failure of the source also leaves nothing stored.
 */
export async function storeFile(input: StoreFileInput): Promise<{ fileId: string; size: number; sha256: string }> {
  const expiresAt = new Date(Date.now() + (input.retentionDays ?? retentionDays()) * 86_400_000);
  try {
    const s3 = s3Config();
    if (s3) return await storeInS3(s3, { ...input, expiresAt });
    return await storeInPostgres({ ...input, expiresAt });
  } catch (err) {
    if (err instanceof FileTooLargeError) throw new CsvFileError("too_large", `The file is larger than the limit of ${formatBytes(err.maxBytes)}. Split it into smaller files.`);
    throw err;
  }
}

/** The complete file's metadata, or null when it is not the organization's, incomplete or removed. */
export async function fileInfo(organizationId: string, fileId: string): Promise<StoredFileInfo | null> {
  const rows = await rootDb().$queryRaw<Array<Omit<StoredFileInfo, "size"> & { size: bigint }>>`
    SELECT id::text AS id, name, size, sha256, storage, "storageKey", "contentType", "expiresAt" FROM stored_files
    WHERE "organizationId" = ${organizationId}::uuid AND id = ${fileId}::uuid AND complete`;
  const r = rows[0];
  return r ? { ...r, size: Number(r.size) } : null;
}

export class FileGoneError extends Error {
  constructor(fileId: string) {
    super(`The stored file ${fileId} no longer exists (removed after the retention period of ${retentionDays()} days, or never completed).`);
  }
}

/** The file's bytes from `offset`, streamed chunk by chunk (never the whole file in memory). */
export async function readFile(organizationId: string, fileId: string, opts: { offset?: number } = {}): Promise<AsyncIterable<Uint8Array>> {
  const info = await fileInfo(organizationId, fileId);
  if (!info) throw new FileGoneError(fileId);
  if (info.storage === "s3") {
    const s3 = s3Config();
    if (!s3) throw new Error(`File ${fileId} is stored in S3, but S3_* is not configured on this instance.`);
    return readFromS3(s3, info.storageKey!, info.size, opts.offset ?? 0);
  }
  return readFromPostgres(fileId, info.size, opts.offset ?? 0);
}

/** The first `bytes` bytes (detection reads ≤ 64 KiB). */
export async function readHead(organizationId: string, fileId: string, bytes: number): Promise<Uint8Array> {
  const out = new Uint8Array(bytes);
  let filled = 0;
  for await (const chunk of await readFile(organizationId, fileId)) {
    const n = Math.min(bytes - filled, chunk.byteLength);
    out.set(chunk.subarray(0, n), filled);
    filled += n;
    if (filled >= bytes) break;
  }
  return out.subarray(0, filled);
}

/** Removes one file (its chunks cascade; an S3 object is deleted too). */
export async function deleteFile(organizationId: string, fileId: string): Promise<void> {
  const rows = await rootDb().$queryRaw<Removed[]>`
    DELETE FROM stored_files WHERE "organizationId" = ${organizationId}::uuid AND id = ${fileId}::uuid
    RETURNING storage, "storageKey"`;
  await removeObjects(rows);
}

type Removed = { storage: string; storageKey: string | null };

/** The bucket objects of deleted S3 rows (the row goes first: a file is never readable half-deleted). */
async function removeObjects(rows: Removed[]) {
  const s3 = s3Config();
  for (const r of rows) if (r.storage === "s3" && r.storageKey && s3) await deleteS3Object(s3, r.storageKey);
}

/**
 * The retention sweep: deletes every file past its expiry (complete ones after the retention period,
 * incomplete uploads after a few hours), a bounded number per statement so one run never holds a
 * huge lock. Returns how many were deleted.
 */
export async function deleteExpiredFiles(now = new Date()): Promise<number> {
  // An instance without the S3 settings leaves S3 files alone: it could delete their rows but not
  // their objects, which would then stay in the bucket forever.
  const withS3 = s3Config() !== null;
  let total = 0;
  for (;;) {
    const rows = await rootDb().$queryRaw<Removed[]>`
      DELETE FROM stored_files WHERE id IN (
        SELECT id FROM stored_files WHERE "expiresAt" <= ${now} AND (storage = 'postgres' OR ${withS3})
        ORDER BY "expiresAt" LIMIT 200)
      RETURNING storage, "storageKey"`;
    await removeObjects(rows);
    total += rows.length;
    if (rows.length < 200) break;
  }
  // Multipart uploads of processes that died mid-upload: no row tracks them any more (the row was
  // removed above as an expired incomplete file, or by the failing upload itself).
  const s3 = s3Config();
  if (s3) await abortOrphanedUploads(s3);
  return total;
}
