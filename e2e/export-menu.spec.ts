// The Export menu of a list page behaves like a menu people know: keyboard (Enter opens on the first
// item, arrows move, Escape closes and returns focus to the button), a click outside closes it, and an
// item downloads the rows it names.
import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

test("the Export menu opens and moves with the keyboard, closes with Escape and a click outside, and downloads", async ({ page }) => {
  await signIn(page, "staff@acme.test");
  await page.goto("/patients?q=a");
  const button = page.getByRole("button", { name: "Export" });
  const menu = page.getByRole("menu", { name: "Export" });

  // A click outside closes it. (Opened by a click first, retried until the page has hydrated: a key
  // pressed before that would be replayed by React without the focus handling tested below.)
  await expect(async () => {
    await button.click();
    await expect(menu).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await page.getByRole("heading", { level: 1 }).click();
  await expect(menu).toBeHidden();

  await button.focus();
  await page.keyboard.press("Enter");
  await expect(menu).toBeVisible();
  await expect(menu.getByRole("menuitem", { name: "All rows" })).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(menu.getByRole("menuitem", { name: "Rows matching the current filter" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(menu).toBeHidden();
  await expect(button).toBeFocused();

  await button.click();
  const [download] = await Promise.all([page.waitForEvent("download"), menu.getByRole("menuitem", { name: "Rows matching the current filter" }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
});
