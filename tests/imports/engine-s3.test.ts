// The S3-compatible store against a small in-process S3 HTTP server (path-style, multipart): every
// request must carry a well-formed SigV4 Authorization header whose signature the server verifies;
// the signing itself is checked against AWS's published example. Files round-trip (single PUT and
// multipart), ranged reads resume from an offset, too-large uploads abort the multipart upload and
// leave neither a row nor an object, and deletion removes the object.
import { createHash, createHmac, randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rootDb } from "@/core/db/client";
import { CsvFileError } from "@/core/imports/csv/errors";
import { deleteExpiredFiles, deleteFile, readFile, storeFile } from "@/core/imports/storage";
import { PART_SIZE, signV4 } from "@/core/imports/storage/s3";
import { createTestOrganization } from "@/core/testing/plugin-test-kit";
import { bytesOf } from "./engine-kit";

const SECRET = "test-secret-key";
const objects = new Map<string, Buffer>();
const uploads = new Map<string, Map<number, Buffer>>();
const log: { method: string; path: string; query: string; authorization: string }[] = [];
let server: http.Server;

/** What a real S3 does with the Authorization header: recompute the signature from the request. */
function verify(req: http.IncomingMessage, body: Buffer): boolean {
  const auth = String(req.headers.authorization ?? "");
  const m = /^AWS4-HMAC-SHA256 Credential=AKID\/(\d{8})\/us-east-1\/s3\/aws4_request,SignedHeaders=([a-z0-9;-]+),Signature=([0-9a-f]{64})$/.exec(auth);
  if (!m) return false;
  const [, day, signed, signature] = m;
  const payload = String(req.headers["x-amz-content-sha256"]);
  if (payload !== createHash("sha256").update(body).digest("hex")) return false;
  const names = signed!.split(";");
  if (!["host", "x-amz-content-sha256", "x-amz-date"].every((n) => names.includes(n))) return false;
  const url = new URL(req.url!, "http://x");
  const query = [...url.searchParams.entries()].map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).sort().join("&");
  const canonical = [req.method, url.pathname, query, names.map((n) => `${n}:${String(req.headers[n]).trim()}\n`).join(""), signed, payload].join("\n");
  const amzDate = String(req.headers["x-amz-date"]);
  const toSign = ["AWS4-HMAC-SHA256", amzDate, `${day}/us-east-1/s3/aws4_request`, createHash("sha256").update(canonical).digest("hex")].join("\n");
  const h = (k: string | Buffer, d: string) => createHmac("sha256", k).update(d).digest();
  const key = h(h(h(h(`AWS4${SECRET}`, day!), "us-east-1"), "s3"), "aws4_request");
  return createHmac("sha256", key).update(toSign).digest("hex") === signature;
}

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on("data", (c: Buffer) => parts.push(c));
    req.on("end", () => {
      const body = Buffer.concat(parts);
      const url = new URL(req.url!, "http://x");
      log.push({ method: req.method!, path: url.pathname, query: url.search, authorization: String(req.headers.authorization) });
      if (!verify(req, body)) return void res.writeHead(403).end("<Error><Code>SignatureDoesNotMatch</Code></Error>");
      const key = decodeURIComponent(url.pathname);
      const q = url.searchParams;
      if (req.method === "POST" && q.has("uploads")) {
        const id = `up-${uploads.size + 1}-${Date.now()}`;
        uploads.set(id, new Map());
        return void res.writeHead(200).end(`<InitiateMultipartUploadResult><UploadId>${id}</UploadId></InitiateMultipartUploadResult>`);
      }
      if (req.method === "PUT" && q.has("partNumber")) {
        const up = uploads.get(q.get("uploadId")!);
        if (!up) return void res.writeHead(404).end("<Error><Code>NoSuchUpload</Code></Error>");
        up.set(Number(q.get("partNumber")), body);
        return void res.writeHead(200, { etag: `"${createHash("md5").update(body).digest("hex")}"` }).end();
      }
      if (req.method === "POST" && q.has("uploadId")) {
        const up = uploads.get(q.get("uploadId")!)!;
        const numbers = [...body.toString().matchAll(/<PartNumber>(\d+)<\/PartNumber>/g)].map((x) => Number(x[1]));
        const sizes = numbers.map((n) => up.get(n)!.length);
        // S3's rule: every part but the last is at least 5 MiB.
        if (sizes.slice(0, -1).some((s) => s < 5 * 1024 * 1024)) return void res.writeHead(400).end("<Error><Code>EntityTooSmall</Code></Error>");
        objects.set(key, Buffer.concat(numbers.map((n) => up.get(n)!)));
        uploads.delete(q.get("uploadId")!);
        return void res.writeHead(200).end("<CompleteMultipartUploadResult/>");
      }
      if (req.method === "DELETE" && q.has("uploadId")) {
        uploads.delete(q.get("uploadId")!);
        return void res.writeHead(204).end();
      }
      if (req.method === "PUT") {
        objects.set(key, body);
        return void res.writeHead(200, { etag: '"x"' }).end();
      }
      if (req.method === "GET") {
        const obj = objects.get(key);
        if (!obj) return void res.writeHead(404).end("<Error><Code>NoSuchKey</Code></Error>");
        const from = Number(/^bytes=(\d+)-$/.exec(String(req.headers.range ?? ""))?.[1] ?? 0);
        return void res.writeHead(from ? 206 : 200).end(obj.subarray(from));
      }
      if (req.method === "DELETE") {
        objects.delete(key);
        return void res.writeHead(204).end();
      }
      res.writeHead(400).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  Object.assign(process.env, {
    S3_ENDPOINT: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    S3_BUCKET: "ritiko-test",
    S3_ACCESS_KEY_ID: "AKID",
    S3_SECRET_ACCESS_KEY: SECRET,
    S3_REGION: "us-east-1",
  });
});

afterAll(async () => {
  for (const k of ["S3_ENDPOINT", "S3_BUCKET", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY", "S3_REGION"]) delete process.env[k];
  await new Promise<void>((r) => server.close(() => r()));
});

async function collect(source: AsyncIterable<Uint8Array>) {
  const parts: Buffer[] = [];
  for await (const p of source) parts.push(Buffer.from(p));
  return Buffer.concat(parts);
}

describe("SigV4", () => {
  it("matches AWS's published example (GET Object with a Range)", () => {
    const headers = signV4({
      method: "GET",
      url: new URL("https://examplebucket.s3.amazonaws.com/test.txt"),
      headers: { range: "bytes=0-9" },
      payloadHash: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
      date: new Date("2013-05-24T00:00:00Z"),
      accessKeyId: "AKIAIOSFODNN7EXAMPLE",
      secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
      region: "us-east-1",
    });
    expect(headers.authorization).toBe(
      "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41",
    );
  });
});

describe("S3 store", () => {
  it("a small file is one signed PUT; read back whole and from an offset; deleteFile removes the object", async () => {
    const org = await createTestOrganization();
    const text = "MRN,First name\r\nA-1,Ann\r\n";
    const stored = await storeFile({ organizationId: org.org.id, purpose: "import", name: "a.csv", source: bytesOf(text, 5), maxBytes: 1000 });
    const row = await rootDb().storedFile.findUniqueOrThrow({ where: { id: stored.fileId } });
    expect(row).toMatchObject({ storage: "s3", storageKey: `import/${org.org.id}/${stored.fileId}`, complete: true, size: BigInt(text.length) });
    expect(await rootDb().storedFileChunk.count({ where: { fileId: stored.fileId } })).toBe(0);
    expect((await collect(await readFile(org.org.id, stored.fileId))).toString()).toBe(text);
    expect((await collect(await readFile(org.org.id, stored.fileId, { offset: 16 }))).toString()).toBe("A-1,Ann\r\n");
    await deleteFile(org.org.id, stored.fileId);
    expect(objects.has(`/ritiko-test/${row.storageKey}`)).toBe(false);
  });

  it("a big file goes up as a multipart upload, part by part, and reads back identical", async () => {
    const org = await createTestOrganization();
    const data = randomBytes(2 * PART_SIZE + 12345);
    const before = log.length;
    const stored = await storeFile({ organizationId: org.org.id, purpose: "import", name: "big.bin", source: bytesOf(data, 1_000_000), maxBytes: 100 * 1024 * 1024 });
    const calls = log.slice(before).map((c) => `${c.method} ${c.query.replace(/uploadId=[^&]+/, "uploadId=U")}`);
    expect(calls).toEqual(["POST ?uploads=", "PUT ?partNumber=1&uploadId=U", "PUT ?partNumber=2&uploadId=U", "PUT ?partNumber=3&uploadId=U", "POST ?uploadId=U"]);
    expect(stored.sha256).toBe(createHash("sha256").update(data).digest("hex"));
    expect((await collect(await readFile(org.org.id, stored.fileId))).equals(data)).toBe(true);
    expect((await collect(await readFile(org.org.id, stored.fileId, { offset: PART_SIZE + 7 }))).equals(data.subarray(PART_SIZE + 7))).toBe(true);
    // Retention removes the object with the row.
    await rootDb().storedFile.update({ where: { id: stored.fileId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await deleteExpiredFiles();
    expect([...objects.keys()].some((k) => k.endsWith(stored.fileId))).toBe(false);
  });

  it("too large: the multipart upload is aborted and no row or object remains", async () => {
    const org = await createTestOrganization();
    const before = log.length;
    const err = await storeFile({ organizationId: org.org.id, purpose: "import", name: "x", source: bytesOf(randomBytes(3 * PART_SIZE), 1 << 20), maxBytes: 2 * PART_SIZE + 5 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CsvFileError);
    expect((err as CsvFileError).code).toBe("too_large");
    expect(log.slice(before).at(-1)).toMatchObject({ method: "DELETE", query: expect.stringMatching(/^\?uploadId=/) });
    expect(uploads.size).toBe(0);
    expect(await rootDb().storedFile.count({ where: { organizationId: org.org.id } })).toBe(0);
  });

  it("every request carried a verified SigV4 Authorization header", () => {
    expect(log.length).toBeGreaterThan(10);
    for (const c of log) expect(c.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKID\/\d{8}\/us-east-1\/s3\/aws4_request,SignedHeaders=[a-z0-9;-]+,Signature=[0-9a-f]{64}$/);
  });
});
