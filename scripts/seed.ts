// `npm run db:seed`: adds the demo organizations, users and records to DATABASE_URL (or to the
// embedded database of `npm run dev` when DATABASE_URL is unset and it is running or can be started).
import "dotenv/config";
import { startEmbeddedDb } from "./lib/embedded-db";
import { migrateDeploy } from "./lib/migrate";
import { seedDemoData } from "./lib/seed-demo";

let url = process.env.DATABASE_URL;
let stop: (() => Promise<void>) | undefined;
if (!url) {
  const db = await startEmbeddedDb({ dataDir: process.env.RITIKO_DATA_DIR ?? ".data/postgres", port: Number(process.env.RITIKO_DB_PORT ?? 5433), persistent: true }).catch((err: Error) => {
    throw new Error(`${err.message}\nIf \`npm run dev\` is running, run: DATABASE_URL=postgresql://ritiko:ritiko@127.0.0.1:5433/ritiko npm run db:seed`);
  });
  await db.ensureDatabase("ritiko");
  url = db.urlFor("ritiko");
  stop = db.stop;
}
try {
  migrateDeploy(url, { quiet: true });
  await seedDemoData(url);
} finally {
  await stop?.();
}
