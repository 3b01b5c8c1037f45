// The one PrismaClient of the process. Created lazily so that importing this module (for example
// while `next build` collects page data) never needs a database; reused across hot reloads in dev.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";

type Client = PrismaClient;
const globalForPrisma = globalThis as unknown as { __ritikoPrisma?: Client };

export function createPrismaClient(connectionString = process.env.DATABASE_URL): Client {
  if (!connectionString) {
    throw new Error("DATABASE_URL is not set. Start Ritiko with `npm run dev` (embedded PostgreSQL) or set DATABASE_URL.");
  }
  const adapter = new PrismaPg({ connectionString, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
  return new PrismaClient({ adapter });
}

/** The unscoped client: only for code that is not acting inside one organization (auth, seeding, ops). */
export function rootDb(): Client {
  return (globalForPrisma.__ritikoPrisma ??= createPrismaClient());
}

export type RootDb = Client;
export { Prisma } from "./generated/client";
