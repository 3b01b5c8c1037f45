// API tokens end to end against `next start`: create a token in the UI and see it exactly once, call
// the inventory REST API with it from a client that has no browser session (Playwright's `request`),
// revoke it in the UI and get 401 at once; 64 concurrent adjust-stock calls over real HTTP through
// the whole stack; the API docs page and the OpenAPI document; the proxy letting Bearer calls reach
// the API while pages still require signing in.
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { ensureInventoryEnabled, query, signIn, unique } from "./helpers";


async function createTokenInUi(page: Page, name: string): Promise<string> {
  await page.getByRole("button", { name: "Olivia Owner" }).click();
  await page.getByRole("menuitem", { name: "API tokens" }).click();
  await expect(page.getByRole("heading", { name: "API tokens", level: 1 })).toBeVisible();
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Expires").selectOption({ label: "In 30 days" });
  await page.getByRole("button", { name: "Create token" }).click();
  await expect(page.getByText("It will not be shown again")).toBeVisible();
  const token = await page.getByLabel("New API token").inputValue();
  expect(token).toMatch(/^rtk_[A-Za-z0-9_-]{43}$/);
  return token;
}

// Signing in, enabling the plugin on a cold server and 64 concurrent writes take a while on a busy CI machine.
const SLOW = 90_000;

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

async function newItem(request: APIRequestContext, token: string, quantity: number) {
  const res = await request.post("/api/v1/inventory/items", { headers: bearer(token), data: { name: "E2E gauze", sku: unique("E2E-"), quantity, reorderThreshold: 5 } });
  expect(res.status()).toBe(201);
  return (await res.json()).data.id as string;
}

test("a token created in the UI is shown once, works for the API without a session, and stops at once when revoked", async ({ page, request }) => {
  test.setTimeout(SLOW);
  await signIn(page, "owner@acme.test");
  await ensureInventoryEnabled(page);
  await page.goto("/");
  const name = unique("Stock sync ");
  const token = await createTokenInUi(page, name);

  // `request` carries no cookies: the token alone authenticates.
  const list = await request.get("/api/v1/inventory/items?limit=5&ordering=-quantity", { headers: bearer(token) });
  expect(list.status()).toBe(200);
  const body = await list.json();
  expect(Array.isArray(body.data)).toBe(true);
  expect(body).toHaveProperty("nextCursor");
  const id = await newItem(request, token, 12);
  expect((await (await request.get(`/api/v1/inventory/items/${id}`, { headers: bearer(token) })).json()).data).toMatchObject({ id, quantity: 12, name: "E2E gauze" });

  // Once "Done" (or after a reload) the token is gone from the page for good; the list shows its prefix.
  await page.getByRole("button", { name: "Done" }).click();
  await page.reload();
  await expect(page.getByLabel("New API token")).toHaveCount(0);
  expect(await page.content()).not.toContain(token);
  const row = page.getByRole("region", { name: "Your tokens" }).getByRole("row").filter({ hasText: name });
  await expect(row).toContainText(`${token.slice(0, 10)}…`);
  await expect(row).toContainText("Active");
  await expect(row.getByRole("cell").nth(4)).not.toHaveText("Never"); // last used: just now

  await row.getByRole("button", { name: `Revoke ${name}` }).click();
  const dialog = page.getByRole("alertdialog", { name: `Revoke “${name}”?` });
  await dialog.getByRole("button", { name: "Revoke token" }).click();
  await expect(page.getByText(`Token “${name}” revoked.`)).toBeVisible();
  await expect(row).toContainText("Revoked");
  await expect(row.getByRole("button", { name: `Revoke ${name}` })).toHaveCount(0);

  const after = await request.get("/api/v1/inventory/items", { headers: bearer(token) });
  expect(after.status()).toBe(401);
  expect((await after.json()).error).toMatchObject({ code: "unauthenticated", message: "This API token has been revoked. Create a new one under API tokens." });
});

test("64 concurrent adjust-stock requests through the app end at the exact quantity with 64 adjustments", async ({ page, request }) => {
  test.setTimeout(SLOW);
  await signIn(page, "owner@acme.test");
  await ensureInventoryEnabled(page);
  await page.goto("/");
  const token = await createTokenInUi(page, unique("Concurrency "));
  const id = await newItem(request, token, 500);
  const amounts = Array.from({ length: 64 }, (_, i) => (i % 2 === 0 ? 9 : -4));
  const responses = await Promise.all(
    amounts.map((amount) => request.post(`/api/v1/inventory/items/${id}/adjust-stock`, { headers: bearer(token), data: { amount, reason: "e2e concurrency" } })),
  );
  expect(responses.map((r) => r.status())).toEqual(amounts.map(() => 200));
  const expected = 500 + amounts.reduce((a, b) => a + b, 0);
  const item = await request.get(`/api/v1/inventory/items/${id}`, { headers: bearer(token) });
  expect((await item.json()).data.quantity).toBe(expected);
  const [count] = await query<{ n: number }>(`SELECT count(*)::int AS n FROM inventory_stock_adjustments WHERE "itemId" = $1 AND source = 'api' AND "apiTokenId" IS NOT NULL`, [id]);
  expect(count!.n).toBe(64);
  const bad = await request.post(`/api/v1/inventory/items/${id}/adjust-stock`, { headers: bearer(token), data: { amount: 0 } });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error.fields).toEqual({ amount: "amount must not be zero" });
});

test("the API docs page renders the OpenAPI document: endpoints by tag, parameters, schemas, curl", async ({ page }) => {
  await signIn(page, "owner@acme.test");
  await ensureInventoryEnabled(page);
  await page.goto("/settings/api-docs");
  await expect(page.getByRole("heading", { name: "REST API", level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Inventory items", level: 2 })).toBeVisible();
  const adjust = page.getByRole("article", { name: "POST /api/v1/inventory/items/{id}/adjust-stock", exact: true });
  await expect(adjust).toContainText("Adjust an item's stock");
  await expect(adjust).toContainText("inventory.adjust_stock");
  await expect(adjust.getByRole("table", { name: /Request body of/ })).toContainText("amount");
  await expect(adjust).toContainText(`-d '{"amount":5}'`);
  await expect(adjust).toContainText("409");
  const list = page.getByRole("article", { name: "GET /api/v1/inventory/items", exact: true });
  await expect(list.getByRole("table", { name: /Parameters of/ })).toContainText("ordering");
  await expect(page.getByRole("article", { name: "Schema InventoryItem", exact: true })).toContainText("reorderThreshold");

  const doc = await page.request.get("/api/v1/openapi.json");
  expect(doc.status()).toBe(200);
  const json = await doc.json();
  expect(json.openapi).toBe("3.1.0");
  expect(json.paths["/api/v1/inventory/items/{id}/adjust-stock"].post.requestBody).toBeTruthy();
});

test("the proxy lets Bearer calls reach /api/v1 and answers 401 without credentials; pages still need a session", async ({ request }) => {
  const none = await request.get("/api/v1/inventory/items");
  expect(none.status()).toBe(401);
  expect((await none.json()).error.code).toBe("unauthenticated");
  const bogus = await request.get("/api/v1/inventory/items", { headers: bearer(`rtk_${"A".repeat(43)}`) });
  expect(bogus.status()).toBe(401);
  expect((await bogus.json()).error.message).toBe("This API token is not valid.");
  const docs = await request.get("/api/v1/openapi.json", { headers: bearer(`rtk_${"A".repeat(43)}`) });
  expect(docs.status()).toBe(401);
  const pageWithHeader = await request.get("/settings/api-tokens", { headers: bearer(`rtk_${"A".repeat(43)}`), maxRedirects: 0 });
  expect(pageWithHeader.status()).toBe(307);
  expect(pageWithHeader.headers().location).toContain("/login");
});
