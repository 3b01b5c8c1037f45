// `npm run dev`: Ritiko on http://localhost:3000 with an embedded PostgreSQL unless DATABASE_URL is set.
import { boot } from "./lib/boot";

await boot(["dev"]);
