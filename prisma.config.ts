// Prisma CLI configuration. DATABASE_URL may be unset (e.g. `prisma generate` during `npm ci`):
// reading process.env instead of env() keeps generate working without a database.
import "dotenv/config";
import { defineConfig } from "prisma/config";

export default defineConfig({
  // A folder: core models in core.prisma, each plugin's models copied in by `npm run plugins:generate`.
  schema: "prisma/schema",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "" },
});
