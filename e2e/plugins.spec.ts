// The plugin runtime in the browser, through the Hello plugin. Serial: the tests enable Hello for
// Acme and later for Birch, and each step builds on the previous state.
import { expect, test } from "@playwright/test";
import { query, signIn } from "./helpers";

test.describe.configure({ mode: "serial" });


test("a plugin disabled for the organization has no menu, page, API or widget", async ({ page }) => {
  await signIn(page, "owner@birch.test");
  await expect(page.getByRole("link", { name: "Hello" })).toHaveCount(0);
  await expect(page.getByLabel("Hello widget")).toHaveCount(0);
  expect((await page.goto("/hello"))?.status()).toBe(404);
  expect((await page.request.get("/api/v1/hello/greetings")).status()).toBe(404);
});

test("enabling a plugin for one organization adds its menu, pages, API and widget there only", async ({ page }) => {
  await signIn(page, "owner@acme.test");
  await page.goto("/plugins");
  const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: /Hello/ }) });
  await expect(card.getByText("Disabled")).toBeVisible();
  await card.getByRole("button", { name: "Enable Hello" }).click();
  await expect(page.getByText("Hello enabled for Acme Family Clinic.")).toBeVisible();
  await expect(card.getByRole("button", { name: "Disable Hello" })).toBeVisible();

  // Menu (a submenu with a badge), page (with the greeting the onEnabled hook wrote), widget, API.
  await page.goto("/");
  await expect(page.getByLabel("Hello widget")).toBeVisible();
  await page.goto("/hello");
  await expect(page.getByRole("heading", { name: "Greetings", level: 1 })).toBeVisible();
  await expect(page.getByRole("list", { name: "Greetings" })).toContainText("Hello is now enabled.");
  await page.getByLabel("Message").fill("Good morning, team");
  await page.getByRole("button", { name: "Say hello" }).click();
  await expect(page.getByRole("list", { name: "Greetings" })).toContainText("Good morning, team");
  const api = await page.request.get("/api/v1/hello/greetings");
  expect(api.status()).toBe(200);
  expect((await api.json()).data.map((g: { message: string }) => g.message)).toContain("Good morning, team");
  const bad = await page.request.post("/api/v1/hello/greetings", { data: { message: "" } });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error.fields.message).toBe("Write a message");

  // Birch is untouched.
  const birch = await page.context().browser()!.newPage();
  await signIn(birch, "owner@birch.test");
  expect((await birch.goto("/hello"))?.status()).toBe(404);
  await birch.close();
});

test("a member without the permission sees no menu item and gets 403 on the page and API; another organization gets 404", async ({ page }) => {
  await signIn(page, "staff@acme.test");
  await expect(page.getByRole("link", { name: "Greetings" })).toHaveCount(0);
  const res = await page.goto("/hello");
  expect(res?.status()).toBe(403);
  await expect(page.getByText("You do not have access to this page")).toBeVisible();
  const api = await page.request.get("/api/v1/hello/greetings");
  expect(api.status()).toBe(403);
  expect((await api.json()).error.code).toBe("forbidden");

  const [greeting] = await query<{ id: string }>(`SELECT g.id FROM hello_greetings g JOIN organizations o ON o.id = g."organizationId" WHERE o.slug = 'acme' LIMIT 1`);
  const other = await page.context().browser()!.newPage();
  await signIn(other, "owner@birch.test");
  expect((await other.goto(`/hello/greetings/${greeting!.id}`))?.status()).toBe(404);
  expect((await other.request.get(`/api/v1/hello/greetings/${greeting!.id}`)).status()).toBe(404);
  await other.close();
});

test("an owner grants a member a plugin group on Members, and the member then sees the menu and page", async ({ page }) => {
  await signIn(page, "owner@acme.test");
  await page.goto("/settings/members");
  await page.getByRole("row", { name: /Sam Staff/ }).getByRole("link", { name: "Permissions" }).click();
  await page.getByLabel("Hello viewer").check();
  await page.getByRole("button", { name: "Save Hello permissions" }).click();
  await expect(page.getByText("Hello permissions saved.")).toBeVisible();

  const staff = await page.context().browser()!.newPage();
  await signIn(staff, "staff@acme.test");
  await staff.getByRole("button", { name: /Hello/ }).click();
  await expect(staff.getByRole("link", { name: /Greetings/ })).toBeVisible();
  expect((await staff.goto("/hello"))?.status()).toBe(200);
  // Viewing is granted, posting is not: no form, and the API refuses the write.
  await expect(staff.getByRole("button", { name: "Say hello" })).toHaveCount(0);
  expect((await staff.request.post("/api/v1/hello/greetings", { data: { message: "hi" } })).status()).toBe(403);
  await staff.close();
});

test("the generated settings form rejects bad values with the reason and saves good ones", async ({ page }) => {
  await signIn(page, "owner@acme.test");
  await page.goto("/plugins/hello/settings");
  await page.getByLabel("Greetings per day").fill("5000");
  await page.getByRole("button", { name: /save/i }).click();
  await expect(page.getByText(/1000/).first()).toBeVisible();
  await page.getByLabel("Greetings per day").fill("20");
  await page.getByLabel("Style").selectOption("formal");
  await page.getByLabel("Greeting", { exact: true }).fill("hey");
  await page.getByRole("button", { name: /save/i }).click();
  await expect(page.getByText("A formal style needs a formal greeting (not “hey”)")).toBeVisible();
  await page.getByLabel("Greeting", { exact: true }).fill("Good day");
  await page.getByRole("button", { name: /save/i }).click();
  await expect(page.getByText(/saved/i).first()).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Greeting", { exact: true })).toHaveValue("Good day");
  await expect(page.getByLabel("Greetings per day")).toHaveValue("20");
});

test("a settings migration runs once when an organization moves to the new plugin version", async ({ page }) => {
  // Birch last ran Hello 1.0.0, whose setting was called `salutation`.
  await query(
    `INSERT INTO plugin_installations ("organizationId", "pluginId", enabled, version, "updatedAt")
     SELECT id, 'hello', false, '1.0.0', now() FROM organizations WHERE slug = 'birch'
     ON CONFLICT ("organizationId", "pluginId") DO UPDATE SET version = '1.0.0', enabled = false`,
  );
  await query(
    `INSERT INTO plugin_settings ("organizationId", "pluginId", key, value, "updatedAt")
     SELECT id, 'hello', 'salutation', '"Howdy"'::jsonb, now() FROM organizations WHERE slug = 'birch'
     ON CONFLICT DO NOTHING`,
  );
  await signIn(page, "owner@birch.test");
  for (const label of ["Enable Hello", "Disable Hello", "Enable Hello"]) {
    await page.goto("/plugins");
    await page.getByRole("button", { name: label }).click();
    if (label.startsWith("Disable")) {
      // Disabling asks first and says what will happen; keeping it changes nothing.
      const dialog = page.getByRole("alertdialog", { name: "Disable Hello?" });
      await expect(dialog).toContainText("Everyone in Birch Street Health loses Hello's pages, menu items, widgets and API endpoints at once");
      await expect(dialog).toContainText("Its data and settings are kept: enabling it again brings them back.");
      await dialog.getByRole("button", { name: "Keep it enabled" }).click();
      await expect(dialog).toBeHidden();
      await page.reload();
      await expect(page.getByRole("button", { name: "Disable Hello" })).toBeVisible();
      await page.getByRole("button", { name: label }).click();
      await dialog.getByRole("button", { name: "Disable Hello" }).click();
    }
    await expect(page.getByText(/Hello (enabled|disabled) for Birch Street Health\./).last()).toBeVisible();
  }
  await page.goto("/plugins/hello/settings");
  await expect(page.getByLabel("Greeting", { exact: true })).toHaveValue("Howdy");
  const runs = await query<{ n: string }>(
    `SELECT count(*) AS n FROM plugin_lifecycle_runs r JOIN organizations o ON o.id = r."organizationId"
     WHERE o.slug = 'birch' AND r."pluginId" = 'hello' AND r.hook = 'upgrade' AND r.status = 'succeeded'`,
  );
  expect(Number(runs[0]!.n)).toBe(1);
  const leftovers = await query(`SELECT 1 FROM plugin_settings s JOIN organizations o ON o.id = s."organizationId" WHERE o.slug = 'birch' AND s.key = 'salutation'`);
  expect(leftovers).toHaveLength(0);
});
