// Dark mode (issue 16.8): the admin follows the system's colour scheme, and the user menu's Theme
// switch (System / Light / Dark) overrides it at once and after a reload. Colours are read from the
// rendered page (a 1×1 canvas turns any CSS colour into sRGB), so the test sees what a person sees:
// a dark page with light text, readable at WCAG AA contrast, or the reverse.
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./helpers";

type Rgb = [number, number, number];

/** The computed colour `prop` of the first element matching `selector`, as sRGB 0–255. */
async function colour(page: Page, selector: string, prop: "color" | "backgroundColor"): Promise<Rgb> {
  return page.locator(selector).first().evaluate((el, p) => {
    const css = getComputedStyle(el)[p];
    const ctx = document.createElement("canvas").getContext("2d")!;
    ctx.fillStyle = css;
    ctx.fillRect(0, 0, 1, 1);
    const [r, g, b] = ctx.getImageData(0, 0, 1, 1).data;
    return [r!, g!, b!] as [number, number, number];
  }, prop);
}

const luminance = ([r, g, b]: Rgb) => {
  const lin = (c: number) => (c / 255 <= 0.04045 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
};
const contrast = (a: Rgb, b: Rgb) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
};

async function expectTheme(page: Page, want: "light" | "dark") {
  await expect(async () => {
    const bg = await colour(page, "body", "backgroundColor");
    const text = await colour(page, "h1", "color");
    const card = await colour(page, "header", "backgroundColor");
    expect(luminance(bg) < 0.1 ? "dark" : "light").toBe(want);
    expect(luminance(card) < 0.1 ? "dark" : "light").toBe(want);
    // The page's heading and the muted text stay readable on their backgrounds.
    expect(contrast(text, bg)).toBeGreaterThanOrEqual(7);
    const muted = await colour(page, "header ~ main p, main p", "color");
    expect(contrast(muted, bg)).toBeGreaterThanOrEqual(4.5);
  }).toPass({ timeout: 10_000 });
}

async function choose(page: Page, theme: "System" | "Light" | "Dark") {
  const button = page.getByRole("button", { name: /Olivia Owner/ });
  // The menu opens by a click retried until the page has hydrated.
  await expect(async () => {
    if ((await button.getAttribute("aria-expanded")) !== "true") await button.click();
    await expect(page.getByRole("group", { name: "Theme" })).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await page.getByRole("menuitemradio", { name: theme }).click();
  await expect(page.getByRole("menuitemradio", { name: theme })).toHaveAttribute("aria-checked", "true");
}

test("the admin follows the system's dark scheme, and the user menu's theme switch overrides it", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "dark" });
  await signIn(page, "owner@acme.test");
  await expectTheme(page, "dark");

  await choose(page, "Light");
  await expectTheme(page, "light");
  await page.reload();
  await expect(page.getByRole("heading", { name: "Dashboard", level: 1 })).toBeVisible();
  await expectTheme(page, "light");

  // A chosen theme wins over the system's either way; "System" follows it again.
  await page.emulateMedia({ colorScheme: "light" });
  await choose(page, "Dark");
  await expectTheme(page, "dark");
  await page.goto("/patients");
  await expect(page.getByRole("heading", { name: "Patients", level: 1 })).toBeVisible();
  await expectTheme(page, "dark");
  await choose(page, "System");
  await expectTheme(page, "light");
  await page.emulateMedia({ colorScheme: "dark" });
  await expectTheme(page, "dark");
});
