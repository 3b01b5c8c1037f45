#!/usr/bin/env node
// Runs the Prisma CLI with our WebAssembly schema engine (scripts/prisma-schema-engine.mjs) instead of
// the native binary, which Prisma would otherwise download from its own host. That keeps `npm ci`,
// `prisma generate` and every `prisma migrate` command working where only the npm registry is
// reachable, and behaves identically on connected machines. Usage: node scripts/prisma.mjs <args...>
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const cli = path.join(path.dirname(require.resolve("prisma/package.json")), "build", "index.js");
const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? path.join(here, "prisma-schema-engine.mjs"),
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
  CHECKPOINT_DISABLE: "1",
};
const res = spawnSync(process.execPath, [cli, ...process.argv.slice(2)], { stdio: "inherit", env });
process.exit(res.status ?? 1);
