// Issue 15.1 in the browser: signing in through /login?callbackUrl=<vector> must land on this app.
// Before the fix, "/%09/evil.test/x" reached the login form as "/\t/evil.test/x", which Chromium reads
// as "//evil.test/x" and left the app for http://evil.test/x after a successful sign-in.
import { expect, test } from "@playwright/test";
import { PASSWORD } from "../../e2e/helpers";

const VECTORS = ["/%09/evil.test/x", "/%0A/evil.test/x", "/%5Cevil.test", "%2F%2Fevil.test", "/.//evil.test", "javascript:alert(1)", "https://evil.test/"];

test("after signing in, a crafted callbackUrl leads to the dashboard of this app, never to another site", async ({ page, baseURL }) => {
  const left: string[] = [];
  page.on("framenavigated", (frame) => {
    if (frame === page.mainFrame() && !frame.url().startsWith(baseURL!)) left.push(frame.url());
  });
  for (const vector of VECTORS) {
    await page.context().clearCookies();
    // The vector as it is in the address bar: already percent-encoded where shown.
    await page.goto(`/login?callbackUrl=${vector}`);
    await page.getByLabel("Email", { exact: true }).fill("staff@acme.test");
    await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("heading", { name: "Dashboard", level: 1 }), vector).toBeVisible({ timeout: 30_000 });
    expect(new URL(page.url()).origin, vector).toBe(new URL(baseURL!).origin);
    expect(new URL(page.url()).pathname, vector).toBe("/");
  }
  expect(left).toEqual([]);
});

test("a callbackUrl to a page of this app still returns there after signing in", async ({ page }) => {
  await page.goto(`/login?callbackUrl=${encodeURIComponent("/patients?q=a")}`);
  await page.getByLabel("Email", { exact: true }).fill("staff@acme.test");
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Patients", level: 1 })).toBeVisible({ timeout: 30_000 });
  await expect(page).toHaveURL(/\/patients\?q=a$/);
});
