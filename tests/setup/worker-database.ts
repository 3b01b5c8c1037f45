// Listed first in vitest's setupFiles, so it runs before anything reads DATABASE_URL. Under `npm test`
// (RITIKO_TEST_WORKER_DATABASES=1), vitest worker N > 1 uses its own migrated copy of the test
// database, "<name>_w<N>" (scripts/test.ts makes them): files running side by side then never take
// each other's job runs, outbox rows or swept imports. Worker 1, and any run without the variable,
// keeps DATABASE_URL as given.
const worker = Number(process.env.VITEST_POOL_ID ?? "1");
if (process.env.RITIKO_TEST_WORKER_DATABASES === "1" && worker > 1 && process.env.DATABASE_URL) {
  // A worker process may run several files: derive from the URL it started with, once.
  const base = (process.env.RITIKO_TEST_BASE_DATABASE_URL ??= process.env.DATABASE_URL);
  const url = new URL(base);
  url.pathname = `${url.pathname}_w${worker}`;
  process.env.DATABASE_URL = url.toString();
}
