// Prisma CLI configuration. DATABASE_URL may be unset (e.g. `prisma generate` during `npm ci`):
// reading process.env instead of env() keeps generate working without a database.
import "dotenv/config";
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "" },
});
