// Phones and tablets: every admin page, as an owner (who sees every page and action), at 390×844 and
// 768×1024 must not make the document wider than the screen (a table scrolls inside its card instead),
// and the navigation is a drawer. Screenshots of the main pages at 390 px go to docs/screenshots/ for a
// person to look at (they are committed; this test rewrites them).
import { expect, test, type Page } from "@playwright/test";
import { ensureInventoryEnabled, ensurePluginEnabled, query, signIn } from "./helpers";

const SIZES = [
  { name: "phone", width: 390, height: 844 },
  { name: "tablet", width: 768, height: 1024 },
] as const;

async function firstId(sql: string): Promise<string | null> {
  const [row] = await query<{ id: string }>(sql);
  return row?.id ?? null;
}

const acme = `(SELECT id FROM organizations WHERE slug = 'acme')`;

/** Every page of the admin, with ids of Acme's own records for the detail pages. */
async function adminPages(): Promise<string[]> {
  const ids = {
    patient: await firstId(`SELECT id::text FROM patients WHERE "organizationId" = ${acme} ORDER BY "createdAt" LIMIT 1`),
    appointment: await firstId(`SELECT id::text FROM appointments WHERE "organizationId" = ${acme} ORDER BY "createdAt" LIMIT 1`),
    item: await firstId(`SELECT id::text FROM inventory_items WHERE "organizationId" = ${acme} ORDER BY "createdAt" LIMIT 1`),
    order: await firstId(`SELECT id::text FROM inventory_purchase_orders WHERE "organizationId" = ${acme} ORDER BY "createdAt" LIMIT 1`),
    import: await firstId(`SELECT id::text FROM data_imports WHERE "organizationId" = ${acme} ORDER BY "createdAt" LIMIT 1`),
    export: await firstId(`SELECT id::text FROM data_exports WHERE "organizationId" = ${acme} ORDER BY "createdAt" LIMIT 1`),
    job: await firstId(`SELECT id FROM job_run_records WHERE "organizationId" = ${acme} ORDER BY "startedAt" LIMIT 1`),
    mail: await firstId(`SELECT id::text FROM mail_messages WHERE "organizationId" = ${acme} ORDER BY "createdAt" LIMIT 1`),
    audit: await firstId(`SELECT id::text FROM audit_entries WHERE "organizationId" = ${acme} ORDER BY id LIMIT 1`),
    member: await firstId(`SELECT m."userId"::text AS id FROM memberships m JOIN users u ON u.id = m."userId" WHERE m."organizationId" = ${acme} AND u.email = 'staff@acme.test'`),
    greeting: await firstId(`SELECT id::text FROM hello_greetings WHERE "organizationId" = ${acme} LIMIT 1`),
  };
  const detail = (path: string, id: string | null) => (id ? [path.replace(":id", encodeURIComponent(id))] : []);
  return [
    "/",
    "/patients",
    "/patients/new",
    ...detail("/patients/:id", ids.patient),
    ...detail("/patients/:id/edit", ids.patient),
    "/appointments",
    "/appointments/new",
    ...detail("/appointments/:id", ids.appointment),
    ...detail("/appointments/:id/edit", ids.appointment),
    "/imports",
    "/imports/new?resource=inventory.items",
    ...detail("/imports/:id", ids.import),
    "/exports",
    ...detail("/exports/:id", ids.export),
    "/jobs",
    ...detail("/jobs/:id", ids.job),
    "/outbox",
    ...detail("/outbox/:id", ids.mail),
    "/audit",
    ...detail("/audit/entries/:id", ids.audit),
    "/plugins",
    "/plugins/inventory/settings",
    "/settings/members",
    ...detail("/settings/members/:id", ids.member),
    "/settings/api-tokens",
    "/settings/api-docs",
    "/inventory",
    "/inventory/items/new",
    ...detail("/inventory/items/:id", ids.item),
    ...detail("/inventory/items/:id/edit", ids.item),
    "/inventory/categories",
    "/inventory/reports",
    "/inventory/orders",
    ...detail("/inventory/orders/:id", ids.order),
    "/inventory/shopify",
    "/hello",
    ...detail("/hello/greetings/:id", ids.greeting),
  ];
}

/** How much wider than the window the document is (0: fits). */
async function overflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

/** The innermost elements that reach past the window's right edge, to say what to fix. */
async function culprits(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const over = [...document.querySelectorAll("main *")].filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1);
    // Innermost only, and not inside a scrolling box (those may be wider: they scroll).
    const inScroller = (el: Element) => {
      for (let p = el.parentElement; p; p = p.parentElement) if (["auto", "scroll"].includes(getComputedStyle(p).overflowX)) return true;
      return false;
    };
    return over
      .filter((el) => !inScroller(el) && !over.some((o) => o !== el && el.contains(o)))
      .slice(0, 3)
      .map((el) => `<${el.tagName.toLowerCase()} class="${(el.getAttribute("class") ?? "").slice(0, 80)}"> ${Math.round(el.getBoundingClientRect().right)}px`);
  });
}

test.beforeAll(async ({ browser }) => {
  const page = await browser.newPage();
  await signIn(page, "owner@acme.test");
  await ensureInventoryEnabled(page);
  await ensurePluginEnabled(page, "Audit log");
  await ensurePluginEnabled(page, "Hello");
  await page.close();
});

for (const size of SIZES) {
  test.describe(`${size.width}×${size.height}`, () => {
    test.use({ viewport: { width: size.width, height: size.height } });

    test(`no page is wider than a ${size.name} screen`, async ({ page }) => {
      test.setTimeout(240_000);
      await signIn(page, "owner@acme.test");
      const tooWide: string[] = [];
      for (const path of await adminPages()) {
        const res = await page.goto(path);
        expect(res?.status(), path).toBe(200);
        await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
        const extra = await overflow(page);
        if (extra > 0) tooWide.push(`${path}: ${extra}px wider (${(await culprits(page)).join("; ")})`);
      }
      expect(tooWide).toEqual([]);
    });
  });
}

test.describe("phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the sidebar is a drawer: it opens from the header, navigates, and closes with Escape", async ({ page }) => {
    await signIn(page, "owner@acme.test");
    await expect(page.locator("aside")).toBeHidden();
    await page.getByRole("button", { name: "Open navigation" }).click();
    const drawer = page.getByRole("dialog", { name: "Navigation" });
    await expect(drawer).toBeVisible();
    await drawer.getByRole("link", { name: "Patients" }).click();
    await expect(page).toHaveURL(/\/patients$/);
    await expect(drawer).toBeHidden();
    await page.getByRole("button", { name: "Open navigation" }).click();
    await page.keyboard.press("Escape");
    await expect(drawer).toBeHidden();
  });

  test("the inventory table scrolls inside its card with row actions and the bulk bar reachable", async ({ page }) => {
    await signIn(page, "owner@acme.test");
    await page.goto("/inventory");
    const firstBox = page.getByRole("checkbox", { name: /^Select (?!all)/ }).first();
    await firstBox.check();
    const bar = page.getByRole("region", { name: "Bulk actions" });
    await expect(bar.getByRole("button", { name: "Mark out of stock" })).toBeInViewport();
    expect(await overflow(page)).toBe(0);
  });

  test("screenshots of the main pages at 390 px (docs/screenshots/)", async ({ page }) => {
    test.setTimeout(120_000);
    await signIn(page, "owner@acme.test");
    const item = await firstId(`SELECT id::text FROM inventory_items WHERE "organizationId" = ${acme} ORDER BY "createdAt" LIMIT 1`);
    const shots: Array<[string, string]> = [
      ["dashboard", "/"],
      ["inventory-list", "/inventory"],
      ...(item ? ([["item-page", `/inventory/items/${item}`]] as Array<[string, string]>) : []),
      ["import-page", "/imports/new?resource=inventory.items"],
      ["reports", "/inventory/reports"],
    ];
    for (const [name, path] of shots) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
      expect(await overflow(page), `${path}: ${(await culprits(page)).join("; ")}`).toBe(0);
      await page.screenshot({ path: `docs/screenshots/${name}-390.png`, fullPage: true });
    }
  });
});
