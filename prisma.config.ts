// Prisma CLI configuration. DATABASE_URL may be unset (e.g. `prisma generate` during `npm ci`):
// reading process.env instead of env() keeps generate working without a database.
import "dotenv/config";
import { defineConfig } from "prisma/config";

export default defineConfig({
  // A folder: core models in core.prisma, each plugin's models copied in by `npm run plugins:generate`.
  schema: "prisma/schema",
  migrations: { path: "prisma/migrations" },
  // The shadow database is only for `migrate diff --from-migrations` (`npm run ritiko -- plugin migrate`
  // starts a throw-away one and passes it here); every other command ignores it.
  datasource: { url: process.env.DATABASE_URL ?? "", ...(process.env.SHADOW_DATABASE_URL ? { shadowDatabaseUrl: process.env.SHADOW_DATABASE_URL } : {}) },
});
