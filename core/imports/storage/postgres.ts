// Files stored in PostgreSQL: one stored_files row plus its bytes in stored_file_chunks, CHUNK_SIZE
// each (the last one shorter). Fixed-size chunks make a byte offset a chunk number plus a slice, so a
// resumed import reads from where it stopped without scanning what came before.
//
// Writing: the file row is inserted first with complete = false, then every chunk is inserted in its
// own statement AS IT ARRIVES (the upload never sits in memory: at most one chunk is buffered), and at
// the end one UPDATE sets size, sha256, the real expiry and complete = true. Readers only ever see
// complete files (readChunks refuses an incomplete one), so a half-written file is invisible. When the
// source fails, the upload is aborted or grows past maxBytes, the file row is deleted (its chunks
// cascade): no partial file remains. If the process dies mid-upload the incomplete row keeps the short
// expiry it was created with (INCOMPLETE_TTL_MS) and the retention cron removes it.
import { createHash } from "node:crypto";
import { rootDb } from "@/core/db/client";
import { filePool } from "./pg-pool";
import { formatBytes } from "@/core/format/bytes";

/** 1 MiB: big enough for few round trips, small enough to hold one in memory per upload/reader. */
export const CHUNK_SIZE = 1024 * 1024;
/** An upload that never completed (crash) is removed by the retention cron after this long. */
export const INCOMPLETE_TTL_MS = 6 * 3_600_000;

export class FileTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`The file is larger than the limit of ${formatBytes(maxBytes)}.`);
  }
}


export type StoreInput = {
  organizationId: string;
  purpose: "import" | "export" | "error_report";
  name: string;
  createdById?: string | null;
  contentType?: string;
  source: AsyncIterable<Uint8Array>;
  maxBytes: number;
  expiresAt: Date;
};

export async function storeInPostgres(input: StoreInput): Promise<{ fileId: string; size: number; sha256: string }> {
  const db = rootDb();
  const [row] = await db.$queryRaw<Array<{ id: string }>>`
    INSERT INTO stored_files (id, "organizationId", purpose, name, "contentType", storage, complete, "createdById", "expiresAt")
    VALUES (gen_random_uuid(), ${input.organizationId}::uuid, ${input.purpose}, ${input.name}, ${input.contentType ?? "text/csv"}, 'postgres', false,
            ${input.createdById ?? null}::uuid, ${new Date(Date.now() + INCOMPLETE_TTL_MS)})
    RETURNING id::text AS id`;
  const fileId = row!.id;
  try {
    const hash = createHash("sha256");
    let size = 0;
    let seq = 0;
    for await (const chunk of rechunk(input.source, CHUNK_SIZE)) {
      size += chunk.byteLength;
      if (size > input.maxBytes) throw new FileTooLargeError(input.maxBytes);
      hash.update(chunk);
      await filePool().query(`INSERT INTO stored_file_chunks ("fileId", seq, data) VALUES ($1::uuid, $2, $3)`, [fileId, seq++, Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)]);
    }
    const sha256 = hash.digest("hex");
    await db.$executeRaw`
      UPDATE stored_files SET complete = true, size = ${size}, sha256 = ${sha256}, "expiresAt" = ${input.expiresAt}
      WHERE id = ${fileId}::uuid`;
    return { fileId, size, sha256 };
  } catch (err) {
    await db.$executeRaw`DELETE FROM stored_files WHERE id = ${fileId}::uuid`;
    throw err;
  }
}

/**
 * The chunks of a complete file from byte `offset`, one query per chunk: memory is one chunk whatever
 * the file's size. Throws when the file is not the organization's, incomplete or removed.
 */
export async function* readFromPostgres(fileId: string, size: number, offset = 0): AsyncGenerator<Uint8Array> {
  let seq = Math.floor(offset / CHUNK_SIZE);
  let skip = offset - seq * CHUNK_SIZE;
  const last = Math.ceil(size / CHUNK_SIZE) - 1;
  for (; seq <= last; seq++) {
    const { rows } = await filePool().query<{ data: Buffer }>(`SELECT data FROM stored_file_chunks WHERE "fileId" = $1::uuid AND seq = $2`, [fileId, seq]);
    const data = rows[0]?.data;
    if (!data) throw new Error(`Stored file ${fileId} is missing chunk ${seq} (removed while being read?)`);
    const bytes = skip > 0 ? data.subarray(skip) : data;
    skip = 0;
    if (bytes.byteLength > 0) yield bytes;
  }
}

/** Re-slices any stream of byte pieces into pieces of exactly `size` bytes (the last may be shorter). */
export async function* rechunk(source: AsyncIterable<Uint8Array>, size: number): AsyncGenerator<Uint8Array> {
  let buf = new Uint8Array(size);
  let filled = 0;
  for await (const piece of source) {
    let at = 0;
    while (at < piece.byteLength) {
      const n = Math.min(size - filled, piece.byteLength - at);
      buf.set(piece.subarray(at, at + n), filled);
      filled += n;
      at += n;
      if (filled === size) {
        yield buf;
        // A fresh buffer: the consumer may still hold the previous one (the pg driver sends it async).
        buf = new Uint8Array(size);
        filled = 0;
      }
    }
  }
  if (filled > 0) yield buf.subarray(0, filled);
}
