// The five-minute promise, in the browser (run by scripts/plugin-promise.ts against `npm run dev` in a
// fresh copy of the repository where it has just scaffolded "promise-notes" with every contribution and
// enabled it for the demo clinic with the CLI): the owner finds its menu entry, opens its page, changes
// its setting and sees the page follow, calls its API route, and sees the record on the page.
import { expect, test } from "@playwright/test";

const NAME = "Promise notes";

test("a freshly scaffolded plugin works in the browser: menu entry, page, setting, API route", async ({ page }) => {
  // Signed in straight to the plugin's page: dev mode compiles each page on its first visit, and the
  // dashboard (every plugin's widgets) is the e2e suite's to test, not this one's.
  await page.goto("/login?callbackUrl=%2Fpromise-notes");
  await page.getByLabel("Email", { exact: true }).fill("owner@acme.test");
  await page.getByLabel("Password", { exact: true }).fill("ritiko-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: NAME, level: 1 })).toBeVisible();
  // Its menu entry, in the shell's sidebar.
  await expect(page.getByRole("link", { name: NAME }).first()).toHaveAttribute("href", "/promise-notes");
  await expect(page.getByText("No records yet")).toBeVisible();

  await page.goto("/plugins/promise-notes/settings");
  await page.getByLabel("Page heading").fill("Front desk notes");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText(`${NAME} settings saved.`)).toBeVisible();

  const made = await page.request.post("/api/v1/promise-notes/records", { data: { name: "Morning check", note: "Fridge at 4 °C" } });
  expect(made.status()).toBe(201);
  expect((await page.request.post("/api/v1/promise-notes/records", { data: { name: "" } })).status()).toBe(400);
  const listed = await page.request.get("/api/v1/promise-notes/records");
  expect((await listed.json()).data.map((r: { name: string }) => r.name)).toEqual(["Morning check"]);

  await page.goto("/promise-notes");
  await expect(page.getByRole("heading", { name: "Front desk notes", level: 1 })).toBeVisible();
  await expect(page.getByRole("list", { name: "Records" })).toContainText("Fridge at 4 °C");
});
