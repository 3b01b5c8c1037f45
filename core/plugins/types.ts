// The plugin contract: everything a plugin can contribute, declared in one typed manifest
// (`plugins/<id>/plugin.ts` default-exports `definePlugin({...})`). Core reads manifests through the
// generated registry (app/_plugins/registry.generated.ts) and never imports a plugin directly.
import type { ComponentType, ReactNode } from "react";
import type { OrgContext } from "@/core/auth/context";
import type { NavIcon } from "@/core/nav-items";
import type { EventDefinition, EventPayload } from "@/core/events/define-event";
import type { TxClient } from "@/core/db/tx";
import type { ZodType } from "zod";

/** "inventory.view_items": `<plugin id>.<snake_case>`. */
export type PermissionKey = `${string}.${string}`;

export type PermissionDefinition = { key: PermissionKey; label: string; description?: string };
/**
 * A bundle of permissions an admin grants at once. `roles` makes it the default of those core roles:
 * every member with that role has the group's permissions while the plugin is enabled (on top of what
 * they are granted; owners have everything anyway), so a plugin is usable by the whole team the moment
 * it is enabled, without granting each member by hand.
 */
export type PermissionGroupDefinition = {
  key: string;
  label: string;
  description?: string;
  permissions: PermissionKey[];
  roles?: readonly DefaultableRole[];
};

/** The roles a group can be the default of (owners have every permission). */
export type DefaultableRole = "admin" | "staff" | "viewer";

/** What a job run worked on: a label and an in-app path ("/imports/…"), shown on the Jobs page. */
export type JobSubject = { label: string; href: string };

/** The organization a hook or handler runs for. */
export type PluginOrganization = { id: string; name: string; slug: string; timezone: string; currency: string; locale: string };

/** Who caused a change: a signed-in user, an API token, a background job or the system. */
export type Actor =
  | { type: "user"; id: string; name?: string }
  | { type: "api_token"; id: string; userId: string }
  | { type: "job"; id: string; name?: string }
  | { type: "system"; name?: string };

export type LifecycleContext = {
  organization: PluginOrganization;
  /** The transaction the transition runs in: throwing rolls the whole transition back. */
  tx: TxClient;
  actor: Actor;
  /**
   * Emits an event in the transition's transaction. Long work belongs in a durable (after-commit)
   * handler of such an event: it runs in the background once the transition has committed.
   */
  emit: <E extends EventDefinition>(event: E, payload: import("zod").input<E["schema"]>) => Promise<{ eventId: string }>;
  settings: SettingsAccess;
};

export type LifecycleHooks = {
  /** Once per process, when the app (or CLI) starts. No organization. */
  onReady?: () => void | Promise<void>;
  onOrganizationCreated?: (ctx: LifecycleContext) => void | Promise<void>;
  onEnabled?: (ctx: LifecycleContext) => void | Promise<void>;
  onDisabled?: (ctx: LifecycleContext) => void | Promise<void>;
  onUpgrade?: (ctx: LifecycleContext & { fromVersion: string; toVersion: string }) => void | Promise<void>;
};

/**
 * Where a change came from, beyond who made it: the write path (form, bulk action, REST API, import,
 * background job), the request it was made in and, for imports, which import. Optional everywhere:
 * an emitter that knows nothing more passes none. The audit log records it with each entry.
 */
export type EventOrigin = {
  source?: "form" | "bulk" | "api" | "import" | "job" | "system" | "cli";
  requestId?: string;
  ip?: string;
  importId?: string;
};

export type EventHandlerContext = { organization: PluginOrganization; actor: Actor; origin: EventOrigin; settings: SettingsAccess; eventId: string };

export type InTransactionHandler<E extends EventDefinition = EventDefinition> = {
  event: E;
  /** Runs inside the transaction of the change: throwing aborts the change. */
  handle: (payload: EventPayload<E>, ctx: EventHandlerContext & { tx: TxClient }) => void | Promise<void>;
  /**
   * Optional batch form for bulk writes (emitMany): called once with every event of the write
   * instead of `handle` once per event, so a 10,000-row update can cost the handler one statement.
   */
  handleMany?: (
    events: { eventId: string; payload: EventPayload<E> }[],
    ctx: Omit<EventHandlerContext, "eventId"> & { tx: TxClient },
  ) => void | Promise<void>;
};

export type DurableHandler<E extends EventDefinition = EventDefinition> = {
  /** Stable id, unique within the plugin: deliveries are tracked per handler. */
  id: string;
  event: E;
  /** Runs after commit, from the transactional outbox, with retries. */
  handle: (payload: EventPayload<E>, ctx: EventHandlerContext) => void | Promise<void>;
  retries?: number;
  /**
   * Deliver even while the plugin is disabled for the organization. Only for clean-up after a disable
   * (e.g. cancelling the organization's jobs from onDisabled); every other handler is skipped then.
   */
  whileDisabled?: boolean;
};

/** Helps TypeScript check a handler's payload type against its event. */
export function onEvent<E extends EventDefinition>(handler: InTransactionHandler<E>): InTransactionHandler;
export function onEvent<E extends EventDefinition>(handler: InTransactionHandler<E>) {
  return handler;
}
export function afterCommit<E extends EventDefinition>(handler: DurableHandler<E>): DurableHandler;
export function afterCommit<E extends EventDefinition>(handler: DurableHandler<E>) {
  return handler;
}

// ---------- settings ----------
export type SettingsValues = Record<string, unknown>;
export type SettingsAccess = {
  get: <T = unknown>(key: string) => Promise<T>;
  all: () => Promise<SettingsValues>;
};

// ---------- UI contributions ----------
export type Badge = number | null;

export type MenuItem = {
  label: string;
  href?: string;
  /** A lucide icon name (NAV_ICON_NAMES in core/nav-items.ts: a typo fails tsc), or your own icon element. */
  icon?: NavIcon;
  order?: number;
  permission?: PermissionKey;
  /** A count shown next to the label, or null for none. Keep it one cheap query. */
  badge?: (ctx: OrgContext) => Promise<Badge>;
  children?: MenuItem[];
  /** On an entry with href/children: a divider above it. Alone: a divider captioned `label` (give it an `order`). */
  separator?: boolean;
};

export const WIDGET_ZONES = [
  "dashboard.top",
  "dashboard.main",
  "dashboard.side",
  "patients.list.top",
  "patients.list.bottom",
  "appointments.list.top",
  "appointments.list.bottom",
  "patients.form.side",
  "appointments.form.side",
  // A record's page (patient, inventory item, ...): widgets get `record` = { type, id } of the record
  // shown, e.g. the audit plugin's history of that record.
  "record.history",
] as const;
export type WidgetZoneName = (typeof WIDGET_ZONES)[number];

export type WidgetProps = {
  ctx: OrgContext;
  /** In record zones (record.history): the record the page shows, e.g. { type: "core.patient", id }. */
  record?: { type: string; id: string };
};
export type LazyComponent<P> = () => Promise<{ default: ComponentType<P> }>;

export type WidgetContribution = {
  id: string;
  zone: WidgetZoneName;
  priority?: number;
  permission?: PermissionKey;
  component: LazyComponent<WidgetProps>;
};

/** Where a plugin page puts a widget zone of its own (e.g. record.history on its record page). */
export type WidgetZoneSlotProps = {
  name: WidgetZoneName;
  /** On record pages: the record shown, handed to each widget. */
  record?: WidgetProps["record"];
  /** Layout of the zone's container, e.g. "xl:w-80" beside a form. */
  className?: string;
} & ({ as?: "div"; label?: never } | { as: "aside" | "section"; /** Accessible name of the landmark. */ label: string });

export type PageProps = {
  ctx: OrgContext;
  path: string[];
  searchParams: Record<string, string | string[] | undefined>;
  /**
   * The app's widget zone, bound to this request's member: `<WidgetZone name="record.history" record={...} />`.
   * Handed over by the page renderer so a plugin never imports the app.
   */
  WidgetZone: (props: WidgetZoneSlotProps) => ReactNode | Promise<ReactNode>;
};

export type PageContribution = {
  /** Path under the plugin's prefix: "" is /<plugin id>, "greetings/:id" matches /<plugin id>/greetings/123. */
  path: string;
  title: string;
  permission?: PermissionKey;
  component: LazyComponent<PageProps & { params: Record<string, string> }>;
};

/** Replaces a core page while the plugin is enabled for the organization (see docs/plugins.md). */
export type PageOverride = {
  page: "dashboard" | "patients.list" | "appointments.list";
  priority?: number;
  component: LazyComponent<PageProps>;
};

export type ApiMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
export type ApiContext = {
  ctx: OrgContext;
  params: Record<string, string>;
  request: Request;
  /**
   * Who is calling, for events and audit rows: the signed-in user, or `{ type: "api_token", id,
   * userId }` for a request authenticated with `Authorization: Bearer rtk_...` (ctx is then that
   * token's user in the token's organization).
   */
  actor: Actor;
  /** Where the call came from, for events: source "api", the request id and the client IP. */
  origin?: EventOrigin;
  /**
   * Whether the caller holds a plugin permission (core/plugins/permissions.ts, with what the request
   * already loaded), for checks inside a handler — e.g. a field only some members may change. Handed
   * over so route files need not import the permission module, which the CLI cannot load.
   */
  can: (permission: PermissionKey) => Promise<boolean>;
};
export type ApiRoute = {
  method: ApiMethod;
  /** Path under /api/v1/<plugin id>/, e.g. "greetings/:id". */
  path: string;
  permission?: PermissionKey;
  handler: (api: ApiContext) => Promise<Response> | Response;
  // Documentation for /api/v1/openapi.json and the API docs page (core/openapi), all optional. Use
  // defineApiRoute (core/openapi/define-route.ts) to have the same schemas validate the request.
  summary?: string;
  description?: string;
  /** Groups of the docs page; default: the plugin's name. */
  tags?: string[];
  /** The query string (an object schema; each property is one parameter). */
  query?: ZodType;
  /** The JSON request body. */
  request?: ZodType;
  /** The JSON body of the success response (none for 204). */
  response?: ZodType;
  /** The success status: default 200 (201 is usual for a POST that creates). */
  status?: number;
  /** Error statuses beyond the ones every route has (400/401/403/404), with when they happen: { 409: "…" }. */
  errors?: Record<number, string>;
  /** A body that is not JSON (a file's raw bytes), for the docs: its media type and what it is. */
  rawRequest?: { mediaType: string; description: string };
  /** A success response that is not JSON (a CSV file), for the docs. */
  rawResponse?: { mediaType: string };
};

/**
 * A command of the `npm run ritiko -- <command> ...` CLI (scripts/ritiko.ts), e.g. "audit verify".
 * `run` gets the arguments after the command words and the --flags; it writes its own output and
 * returns the exit code (0 success, 1 refused or failed, 2 usage error).
 */
export type CliCommand = {
  /** One or more words, e.g. "audit verify". Must not start with "plugin" (core's own group). */
  command: string;
  description: string;
  run: (args: { positional: string[]; flags: Record<string, string | true> }) => Promise<number>;
};

export type PluginManifest = {
  id: string;
  /** Enabled automatically for organizations created after the plugin was installed. */
  enabledByDefault?: boolean;
  name: string;
  version: string;
  description: string;
  author: string;
  /** Other plugins this one needs, with semver ranges: { inventory: "^2.0.0" }. */
  dependencies?: Record<string, string>;
  /**
   * A plugin whose absence is itself a risk (the audit log: nothing is recorded while it is off).
   * Only an owner may disable it, typing its name and giving a reason, both recorded; owners see a
   * warning on the dashboard while it is off. `warning` says what is lost, in the confirmation dialog.
   */
  protected?: { warning: string };
  permissions?: PermissionDefinition[];
  groups?: PermissionGroupDefinition[];
  /** Object-level or custom checks: return false to deny even when the permission is granted. */
  checkers?: Partial<Record<PermissionKey, (ctx: OrgContext, object?: unknown) => boolean | Promise<boolean>>>;
  settings?: import("@/core/plugins/settings/schema").SettingsSchema;
  events?: Record<string, EventDefinition>;
  handlers?: { inTransaction?: InTransactionHandler[]; durable?: DurableHandler[] };
  lifecycle?: LifecycleHooks;
  menu?: MenuItem[];
  widgets?: WidgetContribution[];
  pages?: PageContribution[];
  overrides?: PageOverride[];
  api?: ApiRoute[];
  /**
   * What a run of a job triggered by one of this plugin's events worked on, for the Jobs page ("Bulk
   * action", "Nightly check of 2026-12-05"), keyed by event name: a link from the run to the thing. Gets
   * the event's data as stored (validate it; return null when it is not what you expect). Must be cheap
   * and pure: it runs for every listed run.
   */
  jobSubjects?: Record<string, (data: unknown) => JobSubject | null>;
  /** CSV-importable (and exportable) resources: core runs the whole flow (core/imports/types.ts). */
  imports?: import("@/core/imports/types").ImportResource<any>[]; // eslint-disable-line @typescript-eslint/no-explicit-any -- each resource has its own row type
  /** Commands of the `npm run ritiko` CLI. */
  cli?: CliCommand[];
  /** Rendered at the top of the plugin's own pages, e.g. tabs. */
  pageHeader?: ReactNode;
};

/** Identity function that checks a manifest against the contract and keeps its literal types. */
export function definePlugin<const M extends PluginManifest>(manifest: M): M {
  return manifest;
}
