// Stored files in PostgreSQL: streamed in, read back chunk by chunk (from any byte offset), the size
// limit refused with nothing left behind, organization isolation, and the retention sweep.
import { createHash, randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { rootDb } from "@/core/db/client";
import { CsvFileError } from "@/core/imports/csv/errors";
import { deleteExpiredFiles, fileInfo, readFile, readHead, storeFile } from "@/core/imports/storage";
import { CHUNK_SIZE } from "@/core/imports/storage/postgres";
import { createTestOrganization } from "@/core/testing/plugin-test-kit";
import { bytesOf } from "./engine-kit";

async function collect(source: AsyncIterable<Uint8Array>): Promise<{ bytes: Buffer; pieces: number; largest: number }> {
  const parts: Buffer[] = [];
  let largest = 0;
  for await (const p of source) {
    parts.push(Buffer.from(p));
    largest = Math.max(largest, p.byteLength);
  }
  return { bytes: Buffer.concat(parts), pieces: parts.length, largest };
}

const fileRows = (organizationId: string) => rootDb().storedFile.count({ where: { organizationId } });
const chunkRows = (fileId: string) => rootDb().storedFileChunk.count({ where: { fileId } });

describe("storeFile / readFile", () => {
  it("round-trips a 20 MB file in 1 MiB chunks, hashes it, and reads from any offset", async () => {
    const org = await createTestOrganization();
    const data = randomBytes(20 * 1024 * 1024 + 12345);
    // Odd piece sizes: the store re-chunks whatever the source delivers.
    const stored = await storeFile({ organizationId: org.org.id, purpose: "import", name: "big.bin", source: bytesOf(data, 777_777), maxBytes: 200 * 1024 * 1024 });
    expect(stored.size).toBe(data.length);
    expect(stored.sha256).toBe(createHash("sha256").update(data).digest("hex"));
    expect(await chunkRows(stored.fileId)).toBe(Math.ceil(data.length / CHUNK_SIZE));

    const all = await collect(await readFile(org.org.id, stored.fileId));
    expect(all.bytes.equals(data)).toBe(true);
    expect(all.largest).toBe(CHUNK_SIZE);
    for (const offset of [0, 1, CHUNK_SIZE - 1, CHUNK_SIZE, 5 * CHUNK_SIZE + 17, data.length - 1, data.length]) {
      const tail = await collect(await readFile(org.org.id, stored.fileId, { offset }));
      expect(tail.bytes.equals(data.subarray(offset)), `offset ${offset}`).toBe(true);
    }
    expect(Buffer.from(await readHead(org.org.id, stored.fileId, 65_536)).equals(data.subarray(0, 65_536))).toBe(true);
    const info = await fileInfo(org.org.id, stored.fileId);
    expect(info).toMatchObject({ size: data.length, storage: "postgres", name: "big.bin" });
    // 7 days of retention by default.
    expect(info!.expiresAt.getTime() - Date.now()).toBeGreaterThan(6.9 * 86_400_000);
  });

  it("refuses a file over maxBytes with CsvFileError too_large and leaves no row at all", async () => {
    const org = await createTestOrganization();
    const data = randomBytes(3 * CHUNK_SIZE + 10);
    const err = await storeFile({ organizationId: org.org.id, purpose: "import", name: "x", source: bytesOf(data), maxBytes: 2 * CHUNK_SIZE }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CsvFileError);
    expect((err as CsvFileError).code).toBe("too_large");
    expect((err as CsvFileError).message).toContain("2 MB");
    expect(await fileRows(org.org.id)).toBe(0);
    expect(await rootDb().storedFileChunk.count({ where: { file: { organizationId: org.org.id } } })).toBe(0);
  });

  it("leaves nothing when the source fails mid-way (an aborted upload)", async () => {
    const org = await createTestOrganization();
    async function* broken() {
      yield new Uint8Array(CHUNK_SIZE + 5);
      throw new Error("connection reset");
    }
    await expect(storeFile({ organizationId: org.org.id, purpose: "import", name: "x", source: broken(), maxBytes: 10 * CHUNK_SIZE })).rejects.toThrow("connection reset");
    expect(await fileRows(org.org.id)).toBe(0);
  });

  it("an incomplete file is invisible, and another organization's file does not exist", async () => {
    const [a, b] = [await createTestOrganization(), await createTestOrganization()];
    const stored = await storeFile({ organizationId: a.org.id, purpose: "import", name: "a.csv", source: bytesOf("a,b\n1,2\n"), maxBytes: 1000 });
    expect(await fileInfo(b.org.id, stored.fileId)).toBeNull();
    await expect(readFile(b.org.id, stored.fileId)).rejects.toThrow(/no longer exists/);
    await rootDb().storedFile.update({ where: { id: stored.fileId }, data: { complete: false } });
    expect(await fileInfo(a.org.id, stored.fileId)).toBeNull();
  });

  it("the retention sweep deletes expired files (chunks cascade) and keeps the others", async () => {
    const org = await createTestOrganization();
    const old = await storeFile({ organizationId: org.org.id, purpose: "import", name: "old.csv", source: bytesOf("a\n1\n"), maxBytes: 1000, retentionDays: 1 });
    const fresh = await storeFile({ organizationId: org.org.id, purpose: "import", name: "new.csv", source: bytesOf("a\n1\n"), maxBytes: 1000, retentionDays: 7 });
    // Eight days later for the old one (moving its expiry, not the clock: other test files share the
    // database, and their files and in-flight uploads must not be swept from under them).
    await rootDb().storedFile.update({ where: { id: old.fileId }, data: { expiresAt: new Date(Date.now() - 86_400_000) } });
    const deleted = await deleteExpiredFiles();
    expect(deleted).toBeGreaterThanOrEqual(1);
    expect(await fileInfo(org.org.id, old.fileId)).toBeNull();
    expect(await chunkRows(old.fileId)).toBe(0);
    expect(await fileInfo(org.org.id, fresh.fileId)).not.toBeNull();
  });
});
