import { expect, test } from "@playwright/test";
import { ACME, PASSWORD, signIn, unique } from "./helpers";

test("signs in with a demo login and lands on the dashboard of the organization", async ({ page }) => {
  await signIn(page, "owner@acme.test");
  await expect(page.getByText(ACME).first()).toBeVisible();
  await expect(page.getByRole("region", { name: "Key figures" }).getByText("Patients")).toBeVisible();
});

test("a wrong password shows a clear error and stays on the login page", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email", { exact: true }).fill("staff@acme.test");
  await page.getByLabel("Password", { exact: true }).fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  // As in signIn(): the first sign-in a cold production worker handles loads the auth code then.
  await expect(page.getByRole("alert").filter({ hasText: "Invalid email or password." })).toBeVisible({ timeout: 30_000 });
  await expect(page).toHaveURL(/\/login/);
});

test("invalid form input is explained inline before anything is sent", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email", { exact: true }).fill("not an email");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Enter a valid email address.")).toBeVisible();
  await expect(page.getByText("Enter your password.")).toBeVisible();
});

test("repeated failures for one e-mail are throttled with a clear message", async ({ page }) => {
  const email = `${unique("locked")}@acme.test`;
  await page.goto("/login");
  for (let i = 0; i < 10; i++) {
    await page.getByLabel("Email", { exact: true }).fill(email);
    await page.getByLabel("Password", { exact: true }).fill(`wrong-${i}`);
    // Wait for each answer so all ten attempts reach the server before the next one.
    const answered = page.waitForResponse((r) => r.url().includes("/api/auth/callback/credentials"));
    await page.getByRole("button", { name: "Sign in" }).click();
    await answered;
    await expect(page.getByRole("alert").filter({ hasText: "Invalid email or password." })).toBeVisible();
  }
  await page.getByLabel("Password", { exact: true }).fill("again");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: /Too many failed sign-in attempts\. Try again in 15 minutes\./ })).toBeVisible();
});

test("protected pages send visitors to the login page and back after signing in", async ({ page }) => {
  await page.goto("/appointments?status=scheduled");
  await expect(page).toHaveURL(/\/login\?callbackUrl=/);
  await page.getByLabel("Email", { exact: true }).fill("admin@acme.test");
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Appointments", level: 1 })).toBeVisible();
  await expect(page).toHaveURL(/status=scheduled/);
});

test("signing out ends the session", async ({ page }) => {
  await signIn(page, "viewer@acme.test");
  await page.getByRole("button", { name: /Vera Viewer|account|user menu/i }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/patients");
  await expect(page).toHaveURL(/\/login/);
});

test("the health check is public and reports the database", async ({ request }) => {
  const res = await request.get("/api/health");
  expect(res.status()).toBe(200);
  expect(await res.json()).toMatchObject({ status: "ok", database: { status: "up" } });
  expect(res.headers()["x-request-id"]).toBeTruthy();
  const api = await request.get("/api/anything-private");
  expect(api.status()).toBe(401);
});
