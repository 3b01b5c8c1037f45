// Loaded with `--import` by the production server's processes (server/primary.ts, server/worker.ts),
// which run our TypeScript outside Next's bundler: `server-only` throws when imported outside React
// Server Components, so here it resolves to an empty module — as vitest.config.ts and the benchmarks
// do. Inside Next's bundles (pages, server actions) the guard keeps working as before.
import { register } from "node:module";

register("./server-only-resolve.mjs", import.meta.url);
