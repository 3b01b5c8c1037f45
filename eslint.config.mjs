import fs from "node:fs";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// The architecture's boundaries (README, Architecture): core knows no app, UI component, plugin or job
// backend's internals; a plugin depends on core (and the UI kit in components/), never on the app or
// another plugin — plugins meet through the events they export (core/events/define-event.ts,
// subscribedEvent). Checked on resolved paths, so "@/app/..." and "../../app/..." alike, and dynamic
// import() too. Tests may assemble several plugins and the app's generated glue: they are exempt.
const pluginIds = fs
  .readdirSync("plugins", { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);
const boundaries = {
  files: ["**/*.{ts,tsx,mts,mjs}"],
  ignores: ["**/*.test.ts", "**/*.test.tsx", "plugins/*/tests/**", "tests/**", "e2e/**"],
  rules: {
    "import/no-restricted-paths": [
      "error",
      {
        zones: [
          {
            target: "./core",
            from: ["./app", "./components", "./plugins", "./inngest/executor"],
            message: "core knows no app, UI component, plugin or job backend internals: give core a contract the other side implements.",
          },
          ...pluginIds.flatMap((id) => [
            { target: `./plugins/${id}`, from: "./app", message: "A plugin never imports the app: ask core's plugin contract (page/API context) for what it needs." },
            {
              target: `./plugins/${id}`,
              from: "./plugins",
              except: [`./${id}`],
              message: "A plugin never imports another plugin: subscribe to its exported events by name (subscribedEvent).",
            },
          ]),
        ],
      },
    ],
  },
};

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: ["node_modules/**", ".next/**", ".data/**", "core/db/generated/**", "test-results/**", "playwright-report/**", "next-env.d.ts"],
  },
  boundaries,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
];

export default config;
