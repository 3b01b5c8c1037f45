// The Hello plugin: every contribution point of the plugin contract in a few lines, as a template
// for plugin authors (docs/plugins.md walks through it).
import { patientCreated } from "@/core/events/core-events";
import { log } from "@/core/log";
import { afterCommit, definePlugin, onEvent } from "@/core/plugins/types";
import { helloApi } from "./api";
import { helloGreeted } from "./events";
import { writeGreeting, greetingsToday } from "./greetings";
import { HELLO_PERMISSIONS } from "./permissions";
import { helloSettings } from "./settings";

export default definePlugin({
  id: "hello",
  name: "Hello",
  version: "2.0.0",
  description: "Greets new patients and shows how a plugin plugs into Ritiko.",
  author: "Ritiko",
  permissions: [
    { key: HELLO_PERMISSIONS.view, label: "View greetings" },
    { key: HELLO_PERMISSIONS.manage, label: "Post greetings" },
  ],
  groups: [
    { key: "hello.viewer", label: "Hello viewer", permissions: [HELLO_PERMISSIONS.view] },
    { key: "hello.manager", label: "Hello manager", permissions: [HELLO_PERMISSIONS.view, HELLO_PERMISSIONS.manage] },
  ],
  settings: helloSettings,
  events: { helloGreeted },
  handlers: {
    inTransaction: [
      // Same transaction as the new patient: the greeting exists exactly when the patient does.
      onEvent({
        event: patientCreated,
        handle: async (payload, { tx, organization, actor, settings }) => {
          if (!(await settings.get<boolean>("greetNewPatients"))) return;
          const after = payload.after as { firstName?: string } | null;
          await writeGreeting(tx, { organization, actor }, { message: `${await settings.get<string>("greeting")}, ${after?.firstName ?? "new patient"}!`, patientId: payload.id });
        },
      }),
    ],
    durable: [
      // After commit, with retries: "announce" the greeting (a real plugin would call a webhook here).
      afterCommit({
        id: "announce-greeting",
        event: helloGreeted,
        handle: async (payload, { organization }) => {
          const { scopedDb } = await import("@/core/db/scoped");
          await scopedDb(organization.id).helloGreeting.updateMany({ where: { id: payload.greetingId, announcedAt: null }, data: { announcedAt: new Date() } });
        },
      }),
    ],
  },
  lifecycle: {
    onReady: () => log.info("hello.ready"),
    onOrganizationCreated: async ({ tx, organization, actor }) => {
      await writeGreeting(tx, { organization, actor }, { message: `Welcome to Ritiko, ${organization.name}!` });
    },
    onEnabled: async ({ tx, organization, actor }) => {
      await writeGreeting(tx, { organization, actor }, { message: "Hello is now enabled." });
    },
    onDisabled: ({ organization }) => log.info("hello.disabled", { organizationId: organization.id }),
    onUpgrade: ({ organization, fromVersion, toVersion }) => log.info("hello.upgraded", { organizationId: organization.id, fromVersion, toVersion }),
  },
  menu: [
    {
      label: "Hello",
      icon: "Sparkles",
      order: 50,
      permission: HELLO_PERMISSIONS.view,
      children: [
        { label: "Greetings", href: "/hello", permission: HELLO_PERMISSIONS.view, badge: (ctx) => greetingsToday(ctx).then((n) => n || null) },
        // Settings live on the Plugins page (owners and admins), so no menu entry that others would 403 on.
      ],
    },
  ],
  widgets: [
    { id: "greeting", zone: "dashboard.side", priority: 10, permission: HELLO_PERMISSIONS.view, component: () => import("./widgets/greeting-widget") },
  ],
  pages: [
    { path: "", title: "Greetings", permission: HELLO_PERMISSIONS.view, component: () => import("./pages/greetings-page") },
    { path: "greetings/:id", title: "Greeting", permission: HELLO_PERMISSIONS.view, component: () => import("./pages/greeting-page") },
  ],
  api: helloApi,
});
