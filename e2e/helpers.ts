import { expect, type Page } from "@playwright/test";
import pg from "pg";

export const PASSWORD = "ritiko-demo";
export const ACME = "Acme Family Clinic";
export const BIRCH = "Birch Street Health";

export async function signIn(page: Page, email: string, password = PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  // The first page a cold production worker renders loads its modules then (preloadEntriesOnStart: false).
  await expect(page.getByRole("heading", { name: "Dashboard", level: 1 })).toBeVisible({ timeout: 30_000 });
}

/**
 * Signs in without the login page: next-auth's own HTTP flow (its CSRF token, then the credentials
 * callback) through `page.request`, whose cookies the page shares — for a spec about something other
 * than signing in, a few seconds less per member on a cold server. Throws when the sign-in is refused.
 */
export async function signInWithoutForm(page: Page, email: string, password = PASSWORD) {
  const { csrfToken } = (await (await page.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const res = await page.request.post("/api/auth/callback/credentials", { form: { csrfToken, email, password, json: "true" }, maxRedirects: 0 });
  const cookies = await page.context().cookies();
  if (!cookies.some((c) => /next-auth\.session-token$/.test(c.name))) {
    throw new Error(`signing in ${email} was refused: ${res.status()} ${res.headers().location ?? (await res.text()).slice(0, 200)}`);
  }
}

/** A direct database read, only to learn ids a test then tries to reach through the UI. */
export async function query<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/**
 * A clinic of a spec's own (name, slug, time zone, currency) with members who sign in with the demo
 * password: a spec that changes organization-wide state leaves the demo clinics as other specs expect.
 */
export async function createClinic(
  org: { name: string; slug: string; timezone: string; currency: string },
  members: ReadonlyArray<{ email: string; name: string; role: "owner" | "admin" | "staff" | "viewer" }>,
): Promise<string> {
  const [row] = await query<{ id: string }>(
    `INSERT INTO organizations (id, name, slug, timezone, currency, "updatedAt") VALUES (gen_random_uuid(), $1, $2, $3, $4, now()) RETURNING id::text AS id`,
    [org.name, org.slug, org.timezone, org.currency],
  );
  for (const m of members) {
    await query(
      `WITH usr AS (
         INSERT INTO users (id, email, name, "passwordHash", "updatedAt")
         SELECT gen_random_uuid(), $1, $2, "passwordHash", now() FROM users WHERE email = 'owner@acme.test' RETURNING id
       )
       INSERT INTO memberships (id, "organizationId", "userId", role) SELECT gen_random_uuid(), $3::uuid, id, $4::"Role" FROM usr`,
      [m.email, m.name, row!.id, m.role],
    );
  }
  return row!.id;
}

export const unique = (prefix: string) => `${prefix}${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

/** Enables a plugin (by its name) for the signed-in member's organization on the Plugins page, unless it already is (other specs may have). */
export async function ensurePluginEnabled(page: Page, name: string) {
  await page.goto("/plugins");
  const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: new RegExp(name) }) });
  const enable = card.getByRole("button", { name: `Enable ${name}` });
  const disable = card.getByRole("button", { name: `Disable ${name}` });
  await expect(enable.or(disable)).toBeVisible();
  // The state is read once the card shows either button: the branch decides nothing that a wait could change.
  if (await enable.isVisible()) {
    // Another spec may have enabled it a moment earlier ("already enabled"): either way it is on.
    const done = page.getByText(new RegExp(`${name} (is already )?enabled for `)).first();
    // The button is a client component: a click that lands before the page has hydrated (a loaded CI
    // machine) does nothing, so it is clicked again until the server's answer shows. A click while the
    // first is pending finds the button disabled and waits instead; a second enable would only say
    // "already enabled", which also counts.
    await expect(async () => {
      if ((await enable.isVisible()) && (await enable.isEnabled())) await enable.click({ timeout: 2_000 });
      await expect(done).toBeVisible({ timeout: 5_000 });
    }).toPass({ timeout: 45_000 });
    await page.reload();
    await expect(disable).toBeVisible();
  }
}

/** Enables Inventory for the signed-in member's organization (Acme in most specs). */
export const ensureInventoryEnabled = (page: Page) => ensurePluginEnabled(page, "Inventory");

/** Creates an API token on the API tokens page (as the signed-in member) and returns it. */
export async function createToken(page: Page, name = unique("e2e-token")): Promise<string> {
  await page.goto("/settings/api-tokens");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Expires").selectOption({ label: "In 30 days" });
  await page.getByRole("button", { name: "Create token" }).click();
  return page.getByLabel("New API token").inputValue();
}
