// The organization's own settings, as an owner uses them: choose Spanish (Spain), Madrid and euros on
// /settings/organization, and every page then writes dates, numbers and money that way (here the
// Members page's join date and the Plugins page); a name left empty is refused at the field with
// nothing saved; staff have no Settings link and get 403. A clinic of its own, so the demo clinics
// other specs read stay in en-US.
import { expect, test } from "@playwright/test";
import { createClinic, query, signIn, unique } from "./helpers";

const u = unique("");
const ownerEmail = `olga.${u}@locale.test`;
const staffEmail = `sam.${u}@locale.test`;
const orgName = `Clínica Locale ${u}`;

// Once per worker process: with fullyParallel, beforeAll runs again before each test a worker picks
// up, and the clinic (and `u`) belong to the process.
let clinic: Promise<string> | undefined;
test.beforeAll(async () => {
  clinic ??= createClinic({ name: orgName, slug: `locale-${u.toLowerCase()}`, timezone: "UTC", currency: "USD" }, [
    { email: ownerEmail, name: `Olga Owner ${u}`, role: "owner" },
    { email: staffEmail, name: `Sam Staff ${u}`, role: "staff" },
  ]);
  await clinic;
});

test("an owner switches the clinic to Spanish, Madrid and euros, and the pages write dates that way", async ({ page }) => {
  test.setTimeout(90_000);
  await signIn(page, ownerEmail);
  await page.getByRole("link", { name: "Settings", exact: true }).first().click();
  await expect(page.getByRole("heading", { name: "Organization settings", level: 1 })).toBeVisible();

  // An empty name is refused at the field, in the browser, before anything is sent.
  const name = page.getByLabel("Name");
  await name.fill("");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Give the organization a name")).toBeVisible();
  expect((await query<{ name: string }>(`SELECT name FROM organizations WHERE slug = $1`, [`locale-${u.toLowerCase()}`]))[0]!.name).toBe(orgName);

  await name.fill(orgName);
  await page.getByLabel("Locale").selectOption({ label: "Español (España)" });
  // The choice shows how it will write, before it is saved.
  await expect(page.getByText(/Written like this: 8 mar 2026, 14:30 · 1\.234\.567,89 · 1234,50\s?US\$/)).toBeVisible();
  await page.getByLabel("Time zone").selectOption("Europe/Madrid");
  await page.getByLabel("Currency").selectOption("EUR");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Organization settings saved.")).toBeVisible();
  expect(await query(`SELECT timezone, currency, locale FROM organizations WHERE slug = $1`, [`locale-${u.toLowerCase()}`])).toEqual([
    { timezone: "Europe/Madrid", currency: "EUR", locale: "es-ES" },
  ]);

  // The Members page writes the join date in Spanish, on Madrid's calendar.
  await page.goto("/settings/members");
  const [joined] = await query<{ created: Date }>(`SELECT m."createdAt" AS created FROM memberships m JOIN users u ON u.id = m."userId" WHERE u.email = $1`, [ownerEmail]);
  const expected = new Intl.DateTimeFormat("es-ES", { dateStyle: "medium", timeZone: "Europe/Madrid" }).format(joined!.created);
  await expect(page.getByRole("row", { name: new RegExp(`Olga Owner ${u}`) })).toContainText(expected);
  // A member who has not chosen a language of their own now reads the admin in the clinic's (Spanish),
  // and the page descriptions name the new zone.
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Panel", level: 1 })).toBeVisible();
  await expect(page.getByText(`${orgName} · horas en Europe/Madrid`)).toBeVisible();
});

test("staff have no Settings link and get 403 on the organization settings", async ({ page }) => {
  // Sam chose English (the other test may already have made the clinic Spanish): the checks below read English.
  await query(`UPDATE users SET language = 'en' WHERE email = $1`, [staffEmail]);
  await signIn(page, staffEmail);
  await expect(page.getByRole("link", { name: "Patients" }).first()).toBeVisible();
  await expect(page.getByRole("link", { name: "Settings", exact: true })).toHaveCount(0);
  const res = await page.goto("/settings/organization");
  expect(res?.status()).toBe(403);
  await expect(page.getByText("You do not have access to this page")).toBeVisible();
});
