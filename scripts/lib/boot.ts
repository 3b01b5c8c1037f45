// Shared start-up for `npm run dev` and `npm start`: pick the database (DATABASE_URL, or an embedded
// PostgreSQL under .data/ when it is unset), apply migrations, seed demo data on the embedded
// database's first start, then run Next.js as a child process and shut both down cleanly on Ctrl-C.
import { spawn, type ChildProcess } from "node:child_process";
import "dotenv/config";
import { startEmbeddedDb, type EmbeddedDb } from "./embedded-db";
import { migrateDeploy } from "./migrate";
import { localSecret } from "./secrets";

const info = (msg: string) => process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), level: "info", msg })}\n`);

export async function boot(nextArgs: string[]): Promise<void> {
  let embedded: EmbeddedDb | undefined;
  let databaseUrl = process.env.DATABASE_URL;
  const env: NodeJS.ProcessEnv = { ...process.env };

  if (!databaseUrl) {
    const port = Number(process.env.RITIKO_DB_PORT ?? 5433);
    embedded = await startEmbeddedDb({ dataDir: process.env.RITIKO_DATA_DIR ?? ".data/postgres", port, persistent: true });
    await embedded.ensureDatabase("ritiko");
    databaseUrl = embedded.urlFor("ritiko");
    info(`embedded PostgreSQL ${embedded.created ? "created" : "started"} on 127.0.0.1:${port} (data in .data/postgres)`);
    env.NEXTAUTH_SECRET ??= localSecret("nextauth-secret");
    // Encrypts plugin secrets: 32 random bytes in base64url, which core/plugins/settings/crypto.ts
    // accepts like base64. Not generated for an external database: there the operator sets it, and
    // only code that touches a plugin secret needs it (and says so clearly when it is missing).
    env.RITIKO_SECRETS_KEY ??= localSecret("secrets-key");
  } else if (!env.NEXTAUTH_SECRET && !env.AUTH_SECRET) {
    throw new Error("NEXTAUTH_SECRET must be set when DATABASE_URL points at an external database (see .env.example).");
  }
  env.DATABASE_URL = databaseUrl;
  // Air-gapped installs cannot reach the telemetry endpoint; do not try.
  env.NEXT_TELEMETRY_DISABLED ??= "1";
  const port = process.env.PORT ?? "3000";
  env.NEXTAUTH_URL ??= `http://localhost:${port}`;

  const proc: { child?: ChildProcess } = {};
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    const child = proc.child;
    if (child && child.exitCode === null) {
      child.kill("SIGTERM");
      await new Promise((r) => child.once("exit", r));
    }
    if (embedded) {
      await embedded.stop().catch(() => undefined);
      info("embedded PostgreSQL stopped");
    }
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));

  try {
    migrateDeploy(databaseUrl, { quiet: true });
    info("database migrations applied");
    if (embedded?.created || process.env.RITIKO_SEED === "1") {
      const { seedDemoData } = await import("./seed-demo");
      await seedDemoData(databaseUrl);
    }
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n`);
    await shutdown(1);
    return;
  }

  proc.child = spawn(process.execPath, [nextBin(), ...nextArgs, "-p", port], { stdio: "inherit", env });
  proc.child.on("exit", (code) => void shutdown(code ?? 0));
}

function nextBin(): string {
  return new URL("../../node_modules/next/dist/bin/next", import.meta.url).pathname;
}
