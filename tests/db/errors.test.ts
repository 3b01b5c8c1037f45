// core/db/errors.ts, the one module that says what a database error means. isConnectionError decides
// "the database is unreachable" (wait it out) versus any other failure (report it); sqlState,
// isDataError, isUniqueViolation and isNotFound read the other answers. Real errors where they are
// cheap to provoke — a refused connection through Prisma's pg adapter, a backend terminated by the
// server, a duplicate through Prisma's client and through a raw query — and the other shapes they take.
import pg from "pg";
import { describe, expect, it } from "vitest";
import { createPrismaClient, rootDb } from "@/core/db/client";
import { isConnectionError, isDataError, isNotFound, isUniqueViolation, sqlState } from "@/core/db/errors";
import { createTestOrganization } from "@/core/testing/plugin-test-kit";
import { freePort } from "@/tests/helpers/wait";
import { LeaseLostError } from "@/inngest/executor/queue";

const caught = async (p: Promise<unknown>) => p.then(() => undefined, (err: unknown) => err);

const adapterError = (cause: Record<string, unknown>, code = "P2010") =>
  Object.assign(new Error("Raw query failed"), { name: "PrismaClientKnownRequestError", code, meta: { driverAdapterError: { name: "DriverAdapterError", cause } } });

describe("isConnectionError", () => {
  it("recognises a refused connection through Prisma (P1001) and through a raw query (P2010 + DatabaseNotReachable)", async () => {
    const url = new URL(process.env.DATABASE_URL!);
    url.hostname = "127.0.0.1";
    url.port = String(await freePort());
    const db = createPrismaClient(url.toString());
    try {
      const model = await caught(db.jobRun.count());
      expect(model).toMatchObject({ code: "P1001" });
      expect(isConnectionError(model)).toBe(true);
      const raw = await caught(db.$queryRaw`SELECT 1`);
      expect(raw).toMatchObject({ code: "P2010" });
      expect(isConnectionError(raw)).toBe(true);
    } finally {
      await db.$disconnect();
    }
  });

  it("recognises a backend terminated by the server (57P01 admin_shutdown)", async () => {
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    client.on("error", () => undefined);
    await client.connect();
    const { rows } = await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
    const sleeping = caught(client.query("SELECT pg_sleep(5)"));
    await new Promise((r) => setTimeout(r, 200));
    await rootDb().$queryRaw`SELECT pg_terminate_backend(${rows[0]!.pid}::int)`;
    const err = await sleeping;
    expect(err).toMatchObject({ code: "57P01" });
    expect(isConnectionError(err)).toBe(true);
    await client.end().catch(() => undefined);
  });

  it("recognises the other shapes of a lost or refused connection", () => {
    const socket = (code: string) => Object.assign(new Error(`connect ${code} 127.0.0.1:5432`), { code, errno: -1, syscall: "connect" });
    for (const err of [
      socket("ECONNREFUSED"),
      socket("ECONNRESET"),
      socket("EPIPE"),
      Object.assign(new Error("cannot connect now"), { code: "57P03", severity: "FATAL" }),
      Object.assign(new Error("connection failure"), { code: "08006", severity: "FATAL" }),
      Object.assign(new Error("Server has closed the connection."), { code: "P1017" }),
      adapterError({ kind: "ConnectionClosed" }),
      adapterError({ kind: "postgres", code: "57P01", originalCode: "57P01", severity: "FATAL", message: "terminating connection due to administrator command" }),
      adapterError({ kind: "TooManyConnections", cause: "sorry, too many clients already" }),
      new Error("Connection terminated unexpectedly"),
      new Error("Client has encountered a connection error and is not queryable"),
      new Error("timeout exceeded when trying to connect"),
      new Error("wrapped", { cause: socket("ECONNREFUSED") }),
      new AggregateError([socket("ECONNREFUSED"), socket("ECONNREFUSED")], "connect failed"),
    ]) {
      expect(isConnectionError(err), String(err)).toBe(true);
    }
  });

  it("leaves every other failure to be reported", async () => {
    const divide = await caught(rootDb().$queryRaw`SELECT 1 / 0`);
    expect(divide).toMatchObject({ code: "P2010" });
    for (const err of [
      divide,
      Object.assign(new Error("Unique constraint failed"), { code: "P2002" }),
      adapterError({ kind: "postgres", code: "40P01", message: "deadlock detected" }),
      new LeaseLostError({ id: 1n, runId: "r", kind: "start", stepHash: null, lockedUntil: new Date() }),
      new Error("boom"),
      "Connection terminated",
      null,
      undefined,
    ]) {
      expect(isConnectionError(err), String(err)).toBe(false);
    }
  });
});

describe("what else a database error says", () => {
  it("a duplicate is a unique violation through Prisma's client (P2002) and through a raw query (SQLSTATE 23505), and a data error", async () => {
    const org = await createTestOrganization("Errors Clinic");
    const db = rootDb();
    const row = { organizationId: org.org.id, medicalRecordNumber: "MRN-DUP", firstName: "A", lastName: "B", dateOfBirth: new Date("1980-01-01") };
    await db.patient.create({ data: row });
    const viaClient = await caught(db.patient.create({ data: row }));
    const viaRaw = await caught(db.$executeRaw`
      INSERT INTO patients (id, "organizationId", "medicalRecordNumber", "firstName", "lastName", "dateOfBirth", "updatedAt")
      VALUES (gen_random_uuid(), ${org.org.id}::uuid, 'MRN-DUP', 'A', 'B', '1980-01-01', now())`);
    expect(isUniqueViolation(viaClient)).toBe(true);
    expect(isUniqueViolation(viaRaw)).toBe(true);
    expect(sqlState(viaRaw)).toBe("23505");
    expect(isDataError(viaRaw)).toBe(true);
    expect(isConnectionError(viaRaw)).toBe(false);
  });

  it("a division by zero is a data error (class 22) but not a unique violation; a deadlock is neither", async () => {
    const divide = await caught(rootDb().$queryRaw`SELECT 1 / 0`);
    expect(sqlState(divide)).toBe("22012");
    expect(isDataError(divide)).toBe(true);
    expect(isUniqueViolation(divide)).toBe(false);
    const deadlock = adapterError({ kind: "postgres", code: "40P01", originalCode: "40P01", message: "deadlock detected" });
    expect(sqlState(deadlock)).toBe("40P01");
    expect(isDataError(deadlock)).toBe(false);
  });

  it("an update of a record that is not there is Prisma's not-found, which the callers answer as 404", async () => {
    const missing = await caught(rootDb().patient.update({ where: { id: crypto.randomUUID() }, data: { notes: "x" } }));
    expect(isNotFound(missing)).toBe(true);
    expect(isUniqueViolation(missing)).toBe(false);
    expect(sqlState(missing)).toBe("");
  });
});
