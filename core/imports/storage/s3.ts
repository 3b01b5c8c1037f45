// Files in an S3-compatible bucket (AWS S3, MinIO, Ceph, R2...) when S3_ENDPOINT, S3_BUCKET,
// S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY are set (S3_REGION defaults to us-east-1), through the AWS
// SDK (@aws-sdk/client-s3; @aws-sdk/lib-storage for multipart) with path-style URLs
// (<endpoint>/<bucket>/<key>), which every S3-compatible server understands.
//
// Writing: the stored_files row is inserted first (storage "s3", complete = false, short expiry) —
// the same invisibility rule as PostgreSQL files. lib-storage's Upload sends a file up to one part as
// one PUT and a bigger one as a multipart upload of PART_SIZE parts, one part in flight at a time
// (queueSize 1: memory stays at about two parts whatever the file's size). The bytes are counted and
// hashed as they pass; past maxBytes the source throws, Upload aborts the multipart upload
// (leavePartsOnError false) and the row is deleted: no partial file remains anywhere. At the end the
// row gets size, sha256 and complete = true.
// A process that dies mid-upload leaves a multipart upload S3 keeps (and bills) until it is aborted:
// abortOrphanedUploads, run by the retention sweep, aborts ours whose row is gone.
// Reading: one GET with a Range from the offset, streamed.
import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import {
  AbortMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  ListMultipartUploadsCommand,
  S3Client,
  S3ServiceException,
} from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import { rootDb } from "@/core/db/client";
import { isUuid } from "@/core/db/ids";
import { FileTooLargeError, INCOMPLETE_TTL_MS, type StoreInput } from "./postgres";

export type S3Config = { endpoint: string; bucket: string; accessKeyId: string; secretAccessKey: string; region: string };

/** 8 MiB: S3 parts must be at least 5 MiB (except the last). */
export const PART_SIZE = 8 * 1024 * 1024;

/** The key prefixes of stored files: `<purpose>/<organizationId>/<fileId>`. */
const PURPOSES = ["import", "export", "error_report"] as const;

export function s3Config(env: NodeJS.ProcessEnv = process.env): S3Config | null {
  const { S3_ENDPOINT, S3_BUCKET, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY } = env;
  if (!S3_ENDPOINT || !S3_BUCKET || !S3_ACCESS_KEY_ID || !S3_SECRET_ACCESS_KEY) return null;
  return { endpoint: S3_ENDPOINT.replace(/\/+$/, ""), bucket: S3_BUCKET, accessKeyId: S3_ACCESS_KEY_ID, secretAccessKey: S3_SECRET_ACCESS_KEY, region: env.S3_REGION || "us-east-1" };
}

// One client per configuration and process: it keeps its connections alive between requests.
const clients = new Map<string, S3Client>();

export function s3Client(cfg: S3Config): S3Client {
  const key = JSON.stringify(cfg);
  let client = clients.get(key);
  if (!client) {
    client = new S3Client({
      endpoint: cfg.endpoint,
      region: cfg.region,
      credentials: { accessKeyId: cfg.accessKeyId, secretAccessKey: cfg.secretAccessKey },
      forcePathStyle: true,
      // Checksums only when an operation requires them: S3-compatible servers (MinIO, Ceph, older
      // R2) refuse the SDK's newer default CRC32 trailers on streamed uploads.
      requestChecksumCalculation: "WHEN_REQUIRED",
      responseChecksumValidation: "WHEN_REQUIRED",
    });
    clients.set(key, client);
  }
  return client;
}

/** "S3 PUT import/…/… failed: 403 AccessDenied" rather than the SDK's bare message. */
function s3Error(err: unknown, what: string): Error {
  if (err instanceof FileTooLargeError) return err;
  if (err instanceof S3ServiceException) return new Error(`S3 ${what} failed: HTTP ${err.$metadata.httpStatusCode ?? "?"} ${err.name}`, { cause: err });
  return err instanceof Error ? err : new Error(String(err));
}

export async function storeInS3(cfg: S3Config, input: StoreInput): Promise<{ fileId: string; size: number; sha256: string }> {
  const db = rootDb();
  const [row] = await db.$queryRaw<Array<{ id: string }>>`
    INSERT INTO stored_files (id, "organizationId", purpose, name, "contentType", storage, complete, "createdById", "expiresAt")
    VALUES (gen_random_uuid(), ${input.organizationId}::uuid, ${input.purpose}, ${input.name}, ${input.contentType ?? "text/csv"}, 's3', false,
            ${input.createdById ?? null}::uuid, ${new Date(Date.now() + INCOMPLETE_TTL_MS)})
    RETURNING id::text AS id`;
  const fileId = row!.id;
  const key = `${input.purpose}/${input.organizationId}/${fileId}`;
  await db.$executeRaw`UPDATE stored_files SET "storageKey" = ${key} WHERE id = ${fileId}::uuid`;
  const hash = createHash("sha256");
  let size = 0;
  async function* counted(): AsyncGenerator<Uint8Array> {
    for await (const chunk of input.source) {
      size += chunk.byteLength;
      if (size > input.maxBytes) throw new FileTooLargeError(input.maxBytes);
      hash.update(chunk);
      yield chunk;
    }
  }
  try {
    const upload = new Upload({
      client: s3Client(cfg),
      params: { Bucket: cfg.bucket, Key: key, Body: Readable.from(counted()), ContentType: input.contentType ?? "text/csv" },
      partSize: PART_SIZE,
      queueSize: 1,
      leavePartsOnError: false,
    });
    await upload.done();
    const sha256 = hash.digest("hex");
    await db.$executeRaw`
      UPDATE stored_files SET complete = true, size = ${size}, sha256 = ${sha256}, "expiresAt" = ${input.expiresAt}
      WHERE id = ${fileId}::uuid`;
    return { fileId, size, sha256 };
  } catch (err) {
    await db.$executeRaw`DELETE FROM stored_files WHERE id = ${fileId}::uuid`;
    throw s3Error(err, `PUT ${key}`);
  }
}

export async function* readFromS3(cfg: S3Config, key: string, size: number, offset = 0): AsyncGenerator<Uint8Array> {
  if (offset >= size) return;
  let body: AsyncIterable<Uint8Array> | undefined;
  try {
    const res = await s3Client(cfg).send(new GetObjectCommand({ Bucket: cfg.bucket, Key: key, Range: `bytes=${offset}-` }));
    body = res.Body as AsyncIterable<Uint8Array> | undefined;
  } catch (err) {
    throw s3Error(err, `GET ${key}`);
  }
  if (!body) return;
  for await (const chunk of body) yield chunk;
}

export async function deleteS3Object(cfg: S3Config, key: string): Promise<void> {
  // Deleting a key that is not there succeeds in S3: a repeated sweep is harmless.
  await s3Client(cfg).send(new DeleteObjectCommand({ Bucket: cfg.bucket, Key: key })).catch((err: unknown) => {
    throw s3Error(err, `DELETE ${key}`);
  });
}

/**
 * Aborts our multipart uploads whose stored_files row is gone: those of a process that died
 * mid-upload, once the retention sweep has removed its incomplete row (INCOMPLETE_TTL_MS after it
 * began). An upload whose row still exists may be in progress and is left alone. Decided by our own
 * rows rather than S3's "Initiated" time, which S3-compatible servers do not all report truthfully
 * (moto_server answers 2010-11-10 for every upload). Returns how many were aborted.
 */
export async function abortOrphanedUploads(cfg: S3Config): Promise<number> {
  const client = s3Client(cfg);
  let aborted = 0;
  for (const purpose of PURPOSES) {
    let keyMarker: string | undefined;
    let uploadIdMarker: string | undefined;
    for (;;) {
      const page = await client
        .send(new ListMultipartUploadsCommand({ Bucket: cfg.bucket, Prefix: `${purpose}/`, KeyMarker: keyMarker, UploadIdMarker: uploadIdMarker }))
        .catch((err: unknown) => {
          throw s3Error(err, `LIST uploads ${purpose}/`);
        });
      // `<purpose>/<organizationId>/<fileId>`: anything else under the prefix is not ours.
      const uploads = (page.Uploads ?? []).flatMap((u) => {
        const fileId = u.Key?.split("/")[2];
        return u.Key && u.UploadId && fileId && isUuid(fileId) ? [{ key: u.Key, uploadId: u.UploadId, fileId }] : [];
      });
      if (uploads.length) {
        const rows = await rootDb().$queryRaw<Array<{ id: string }>>`
          SELECT id::text AS id FROM stored_files WHERE id = ANY(${uploads.map((u) => u.fileId)}::uuid[])`;
        const live = new Set(rows.map((r) => r.id));
        for (const u of uploads) {
          if (live.has(u.fileId)) continue;
          await client.send(new AbortMultipartUploadCommand({ Bucket: cfg.bucket, Key: u.key, UploadId: u.uploadId })).catch((err: unknown) => {
            throw s3Error(err, `ABORT ${u.key}`);
          });
          aborted++;
        }
      }
      if (!page.IsTruncated) break;
      keyMarker = page.NextKeyMarker;
      uploadIdMarker = page.NextUploadIdMarker;
    }
  }
  return aborted;
}
