// The S3 store (core/imports/storage/s3.ts, the AWS SDK) against a real S3 API server, moto_server
// (tests/helpers/moto.ts): files round-trip (one PUT, and multipart part by part), ranged reads resume
// from an offset, a too-large upload aborts its multipart upload and leaves neither a row nor an
// object nor an open upload, deletion and retention remove the object, and the retention sweep
// aborts the multipart uploads a crashed process left behind.
import { createHash, randomBytes } from "node:crypto";
import {
  CreateMultipartUploadCommand,
  HeadObjectCommand,
  ListMultipartUploadsCommand,
  ListObjectsV2Command,
  UploadPartCommand,
} from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rootDb } from "@/core/db/client";
import { CsvFileError } from "@/core/imports/csv/errors";
import { deleteExpiredFiles, deleteFile, readFile, storeFile } from "@/core/imports/storage";
import { INCOMPLETE_TTL_MS } from "@/core/imports/storage/postgres";
import { PART_SIZE } from "@/core/imports/storage/s3";
import { createTestOrganization } from "@/core/testing/plugin-test-kit";
import { startMotoS3, type MotoS3 } from "@/tests/helpers/moto";
import { bytesOf } from "./engine-kit";

let s3: MotoS3;
beforeAll(async () => {
  s3 = await startMotoS3();
  Object.assign(process.env, s3.env);
}, 60_000);

afterAll(async () => {
  for (const k of Object.keys(s3?.env ?? {})) delete process.env[k];
  await s3?.stop();
});

async function collect(source: AsyncIterable<Uint8Array>) {
  const parts: Buffer[] = [];
  for await (const p of source) parts.push(Buffer.from(p));
  return Buffer.concat(parts);
}

const head = (Key: string) => s3.client.send(new HeadObjectCommand({ Bucket: s3.bucket, Key })).catch((err: { name?: string }) => (err.name === "NotFound" ? null : Promise.reject(err)));
const openUploads = async () => (await s3.client.send(new ListMultipartUploadsCommand({ Bucket: s3.bucket }))).Uploads ?? [];
const objectKeys = async (Prefix: string) => ((await s3.client.send(new ListObjectsV2Command({ Bucket: s3.bucket, Prefix }))).Contents ?? []).map((o) => o.Key);

describe("S3 store", () => {
  it("a small file is one object; read back whole and from an offset; deleteFile removes the object", async () => {
    const org = await createTestOrganization();
    const text = "MRN,First name\r\nA-1,Ann\r\n";
    const stored = await storeFile({ organizationId: org.org.id, purpose: "import", name: "a.csv", source: bytesOf(text, 5), maxBytes: 1000 });
    const row = await rootDb().storedFile.findUniqueOrThrow({ where: { id: stored.fileId } });
    expect(row).toMatchObject({ storage: "s3", storageKey: `import/${org.org.id}/${stored.fileId}`, complete: true, size: BigInt(text.length) });
    expect(await rootDb().storedFileChunk.count({ where: { fileId: stored.fileId } })).toBe(0);
    // One PUT: a single-part object's ETag is the MD5 of its bytes.
    expect((await head(row.storageKey!))?.ETag).toBe(`"${createHash("md5").update(text).digest("hex")}"`);
    expect((await collect(await readFile(org.org.id, stored.fileId))).toString()).toBe(text);
    expect((await collect(await readFile(org.org.id, stored.fileId, { offset: 16 }))).toString()).toBe("A-1,Ann\r\n");
    await deleteFile(org.org.id, stored.fileId);
    expect(await head(row.storageKey!)).toBeNull();
  });

  it("a big file goes up as a multipart upload and reads back identical, also from an offset; retention removes it", async () => {
    const org = await createTestOrganization();
    const data = randomBytes(2 * PART_SIZE + 12345);
    const stored = await storeFile({ organizationId: org.org.id, purpose: "import", name: "big.bin", source: bytesOf(data, 1_000_000), maxBytes: 100 * 1024 * 1024 });
    const key = `import/${org.org.id}/${stored.fileId}`;
    // A multipart object's ETag ends in "-<parts>": three parts of PART_SIZE at most.
    expect((await head(key))?.ETag).toMatch(/-3"$/);
    expect(stored.sha256).toBe(createHash("sha256").update(data).digest("hex"));
    expect((await collect(await readFile(org.org.id, stored.fileId))).equals(data)).toBe(true);
    expect((await collect(await readFile(org.org.id, stored.fileId, { offset: PART_SIZE + 7 }))).equals(data.subarray(PART_SIZE + 7))).toBe(true);
    await rootDb().storedFile.update({ where: { id: stored.fileId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await deleteExpiredFiles();
    expect(await head(key)).toBeNull();
    expect(await rootDb().storedFile.count({ where: { id: stored.fileId } })).toBe(0);
  });

  it("too large: the multipart upload is aborted and no row, object or open upload remains", async () => {
    const org = await createTestOrganization();
    const err = await storeFile({ organizationId: org.org.id, purpose: "import", name: "x", source: bytesOf(randomBytes(3 * PART_SIZE), 1 << 20), maxBytes: 2 * PART_SIZE + 5 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CsvFileError);
    expect((err as CsvFileError).code).toBe("too_large");
    expect(await rootDb().storedFile.count({ where: { organizationId: org.org.id } })).toBe(0);
    expect(await objectKeys(`import/${org.org.id}/`)).toEqual([]);
    expect((await openUploads()).filter((u) => u.Key?.startsWith(`import/${org.org.id}/`))).toEqual([]);
  });

  it("a source that fails mid-upload leaves nothing behind either", async () => {
    const org = await createTestOrganization();
    async function* failing() {
      yield randomBytes(PART_SIZE);
      yield randomBytes(PART_SIZE);
      throw new Error("the client went away");
    }
    await expect(storeFile({ organizationId: org.org.id, purpose: "import", name: "y", source: failing(), maxBytes: 100 * 1024 * 1024 })).rejects.toThrow("the client went away");
    expect(await rootDb().storedFile.count({ where: { organizationId: org.org.id } })).toBe(0);
    expect(await objectKeys(`import/${org.org.id}/`)).toEqual([]);
    expect((await openUploads()).filter((u) => u.Key?.startsWith(`import/${org.org.id}/`))).toEqual([]);
  });

  it("the retention sweep aborts the multipart uploads a crashed process left open, once their file row is gone", async () => {
    const org = await createTestOrganization();
    // A crashed upload: its incomplete row (with the short expiry every upload starts with) and an
    // open multipart upload with one part.
    const [row] = await rootDb().$queryRaw<Array<{ id: string }>>`
      INSERT INTO stored_files (id, "organizationId", purpose, name, "contentType", storage, complete, "expiresAt")
      VALUES (gen_random_uuid(), ${org.org.id}::uuid, 'import', 'crashed.csv', 'text/csv', 's3', false, ${new Date(Date.now() + INCOMPLETE_TTL_MS)})
      RETURNING id::text AS id`;
    const Key = `import/${org.org.id}/${row!.id}`;
    const { UploadId } = await s3.client.send(new CreateMultipartUploadCommand({ Bucket: s3.bucket, Key }));
    await s3.client.send(new UploadPartCommand({ Bucket: s3.bucket, Key, UploadId, PartNumber: 1, Body: randomBytes(1024) }));
    // And one whose row is already gone (the sweep ran before, or the row was never committed).
    const orphanKey = `export/${org.org.id}/00000000-0000-4000-8000-000000000001`;
    const orphan = await s3.client.send(new CreateMultipartUploadCommand({ Bucket: s3.bucket, Key: orphanKey }));
    const open = async (id: string | undefined) => (await openUploads()).filter((u) => u.UploadId === id);

    // Its row is young: the upload may still be going on, and stays. The orphan goes.
    await deleteExpiredFiles(new Date());
    expect(await open(UploadId)).toHaveLength(1);
    expect(await open(orphan.UploadId)).toEqual([]);
    // After INCOMPLETE_TTL_MS the sweep removes the row, then the upload.
    await deleteExpiredFiles(new Date(Date.now() + INCOMPLETE_TTL_MS + 60_000));
    expect(await rootDb().storedFile.count({ where: { id: row!.id } })).toBe(0);
    expect(await open(UploadId)).toEqual([]);
  });
});
