// `npm start`: the production server (after `npm run build`). Uses DATABASE_URL; without it, the
// embedded PostgreSQL, which is convenient for trying a production build on one machine.
import { boot } from "./lib/boot";

await boot(["start"]);
