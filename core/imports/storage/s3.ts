// Files in an S3-compatible bucket (AWS S3, MinIO, Ceph, R2...) when S3_ENDPOINT, S3_BUCKET,
// S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY are set (S3_REGION defaults to us-east-1). Plain fetch
// with AWS Signature Version 4 (signV4 below, checked against AWS's published example) and
// path-style URLs (<endpoint>/<bucket>/<key>), so no SDK is needed.
//
// Writing: the stored_files row is inserted first (storage "s3", complete = false, short expiry) —
// the same invisibility rule as PostgreSQL files. A file up to one part is one PUT; a bigger one a
// multipart upload of PART_SIZE parts sent as they arrive (one part in memory at a time). At the end
// the row gets size, sha256 and complete = true. On any failure (source error, too large, S3 error)
// the multipart upload is aborted and the row deleted: no partial file remains anywhere.
// Reading: one GET with a Range from the offset, streamed.
import { createHash, createHmac } from "node:crypto";
import { rootDb } from "@/core/db/client";
import { FileTooLargeError, INCOMPLETE_TTL_MS, rechunk, type StoreInput } from "./postgres";

export type S3Config = { endpoint: string; bucket: string; accessKeyId: string; secretAccessKey: string; region: string };

/** 8 MiB: S3 parts must be at least 5 MiB (except the last). */
export const PART_SIZE = 8 * 1024 * 1024;
const EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

export function s3Config(env: NodeJS.ProcessEnv = process.env): S3Config | null {
  const { S3_ENDPOINT, S3_BUCKET, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY } = env;
  if (!S3_ENDPOINT || !S3_BUCKET || !S3_ACCESS_KEY_ID || !S3_SECRET_ACCESS_KEY) return null;
  return { endpoint: S3_ENDPOINT.replace(/\/+$/, ""), bucket: S3_BUCKET, accessKeyId: S3_ACCESS_KEY_ID, secretAccessKey: S3_SECRET_ACCESS_KEY, region: env.S3_REGION || "us-east-1" };
}

const sha256Hex = (data: string | Uint8Array) => createHash("sha256").update(data).digest("hex");
const hmac = (key: string | Buffer, data: string) => createHmac("sha256", key).update(data).digest();
/** RFC 3986 encoding as SigV4 wants it (also !'()* encoded). */
const rfc3986 = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

export type SignInput = {
  method: string;
  url: URL;
  /** Extra headers to send and sign (lower-case names), e.g. range. */
  headers?: Record<string, string>;
  payloadHash: string;
  date: Date;
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
  service?: string;
};

/** The headers of a SigV4-signed request: x-amz-date, x-amz-content-sha256, the extras and Authorization. */
export function signV4(input: SignInput): Record<string, string> {
  const amzDate = input.date.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
  const day = amzDate.slice(0, 8);
  const service = input.service ?? "s3";
  const headers: Record<string, string> = { host: input.url.host, "x-amz-content-sha256": input.payloadHash, "x-amz-date": amzDate, ...input.headers };
  const names = Object.keys(headers).map((h) => h.toLowerCase()).sort();
  const canonicalHeaders = names.map((n) => `${n}:${String(headers[n]).trim().replace(/\s+/g, " ")}\n`).join("");
  const signedHeaders = names.join(";");
  const query = [...input.url.searchParams.entries()]
    .map(([k, v]) => [rfc3986(k), rfc3986(v)] as const)
    .sort((a, b) => (a[0] === b[0] ? (a[1] < b[1] ? -1 : 1) : a[0] < b[0] ? -1 : 1))
    .map(([k, v]) => `${k}=${v}`)
    .join("&");
  const path = input.url.pathname.split("/").map((seg) => rfc3986(decodeURIComponent(seg))).join("/");
  const canonicalRequest = [input.method, path, query, canonicalHeaders, signedHeaders, input.payloadHash].join("\n");
  const scope = `${day}/${input.region}/${service}/aws4_request`;
  const stringToSign = ["AWS4-HMAC-SHA256", amzDate, scope, sha256Hex(canonicalRequest)].join("\n");
  const key = hmac(hmac(hmac(hmac(`AWS4${input.secretAccessKey}`, day), input.region), service), "aws4_request");
  const signature = createHmac("sha256", key).update(stringToSign).digest("hex");
  const { host: _host, ...sent } = headers;
  return { ...sent, authorization: `AWS4-HMAC-SHA256 Credential=${input.accessKeyId}/${scope},SignedHeaders=${signedHeaders},Signature=${signature}` };
}

function objectUrl(cfg: S3Config, key: string, query: Record<string, string> = {}): URL {
  const url = new URL(`${cfg.endpoint}/${rfc3986(cfg.bucket)}/${key.split("/").map(rfc3986).join("/")}`);
  for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
  return url;
}

async function s3Request(cfg: S3Config, method: string, key: string, opts: { query?: Record<string, string>; body?: Uint8Array | string; headers?: Record<string, string> } = {}): Promise<Response> {
  const url = objectUrl(cfg, key, opts.query);
  const body = typeof opts.body === "string" ? new TextEncoder().encode(opts.body) : opts.body;
  const headers = signV4({ method, url, headers: opts.headers, payloadHash: body ? sha256Hex(body) : EMPTY_SHA256, date: new Date(), accessKeyId: cfg.accessKeyId, secretAccessKey: cfg.secretAccessKey, region: cfg.region });
  const res = await fetch(url, { method, headers, body: body as BodyInit | undefined });
  if (!res.ok && !(method === "DELETE" && res.status === 404)) {
    const text = await res.text().catch(() => "");
    const code = /<Code>([^<]+)<\/Code>/.exec(text)?.[1];
    throw new Error(`S3 ${method} ${key} failed: HTTP ${res.status}${code ? ` ${code}` : ""}`);
  }
  return res;
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
  let uploadId: string | null = null;
  try {
    const hash = createHash("sha256");
    const parts: { n: number; etag: string }[] = [];
    let size = 0;
    let pending: Uint8Array | null = null;
    const sendPart = async (part: Uint8Array) => {
      if (!uploadId) {
        const created = await s3Request(cfg, "POST", key, { query: { uploads: "" }, headers: { "content-type": input.contentType ?? "text/csv" } });
        uploadId = /<UploadId>([^<]+)<\/UploadId>/.exec(await created.text())?.[1] ?? null;
        if (!uploadId) throw new Error("S3 did not return an UploadId");
      }
      const n = parts.length + 1;
      const res = await s3Request(cfg, "PUT", key, { query: { partNumber: String(n), uploadId }, body: part });
      parts.push({ n, etag: res.headers.get("etag") ?? "" });
    };
    for await (const chunk of rechunk(input.source, PART_SIZE)) {
      size += chunk.byteLength;
      if (size > input.maxBytes) throw new FileTooLargeError(input.maxBytes);
      hash.update(chunk);
      // One part is held back: only when a second arrives do we know a multipart upload is needed.
      if (pending) await sendPart(pending);
      pending = chunk;
    }
    if (uploadId) {
      await sendPart(pending!);
      const xml = `<CompleteMultipartUpload>${parts.map((p) => `<Part><PartNumber>${p.n}</PartNumber><ETag>${p.etag}</ETag></Part>`).join("")}</CompleteMultipartUpload>`;
      await s3Request(cfg, "POST", key, { query: { uploadId }, body: xml, headers: { "content-type": "application/xml" } });
    } else {
      await s3Request(cfg, "PUT", key, { body: pending ?? new Uint8Array(0), headers: { "content-type": input.contentType ?? "text/csv" } });
    }
    const sha256 = hash.digest("hex");
    await db.$executeRaw`
      UPDATE stored_files SET complete = true, size = ${size}, sha256 = ${sha256}, "expiresAt" = ${input.expiresAt}
      WHERE id = ${fileId}::uuid`;
    return { fileId, size, sha256 };
  } catch (err) {
    if (uploadId) await s3Request(cfg, "DELETE", key, { query: { uploadId } }).catch(() => undefined);
    await db.$executeRaw`DELETE FROM stored_files WHERE id = ${fileId}::uuid`;
    throw err;
  }
}

export async function* readFromS3(cfg: S3Config, key: string, size: number, offset = 0): AsyncGenerator<Uint8Array> {
  if (offset >= size) return;
  const res = await s3Request(cfg, "GET", key, { headers: { range: `bytes=${offset}-` } });
  if (!res.body) return;
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) yield chunk;
}

export async function deleteS3Object(cfg: S3Config, key: string): Promise<void> {
  await s3Request(cfg, "DELETE", key);
}
