import { expect, test } from "@playwright/test";
import { ACME, BIRCH, query, signIn } from "./helpers";

test("a member of two organizations switches between them in the header", async ({ page }) => {
  await signIn(page, "alex@ritiko.test");
  const switcher = page.getByLabel("Organization");
  await expect(switcher).toHaveValue(/.+/);
  await page.goto("/patients?q=ACME-1000");
  await expect(page.getByRole("table", { name: "Patients" })).toContainText("ACME-1000");

  await page.getByLabel("Organization").selectOption({ label: BIRCH });
  await expect(page.getByText(`Switched to ${BIRCH}`)).toBeVisible();
  await page.goto("/patients?q=BIRCH-1000");
  await expect(page.getByRole("table", { name: "Patients" })).toContainText("BIRCH-1000");
  await page.goto("/patients?q=ACME-1000");
  await expect(page.getByText("No results")).toBeVisible();

  // The choice is part of the session: it survives a reload, and switching back works.
  await page.reload();
  await expect(page.getByText("No results")).toBeVisible();
  await page.getByLabel("Organization").selectOption({ label: ACME });
  await expect(page.getByText(`Switched to ${ACME}`)).toBeVisible();
  await page.goto("/patients?q=ACME-100001");
  await expect(page.getByRole("table", { name: "Patients" })).toContainText("ACME-100001");
});

test("a user of one organization can neither see nor open another organization's records", async ({ page }) => {
  const [birchPatient] = await query<{ id: string; mrn: string }>(
    `SELECT p.id, p."medicalRecordNumber" AS mrn FROM patients p JOIN organizations o ON o.id = p."organizationId" WHERE o.slug = 'birch' LIMIT 1`,
  );
  const [birchAppointment] = await query<{ id: string }>(
    `SELECT a.id FROM appointments a JOIN organizations o ON o.id = a."organizationId" WHERE o.slug = 'birch' LIMIT 1`,
  );
  await signIn(page, "owner@acme.test");

  await page.goto(`/patients?q=${birchPatient!.mrn}`);
  await expect(page.getByText("No results")).toBeVisible();

  for (const url of [`/patients/${birchPatient!.id}`, `/patients/${birchPatient!.id}/edit`, `/appointments/${birchAppointment!.id}`, `/appointments/${birchAppointment!.id}/edit`]) {
    const res = await page.goto(url);
    expect(res?.status(), url).toBe(404);
    await expect(page.getByRole("heading", { name: /not found/i })).toBeVisible();
  }
  // A malformed id is also just "not found".
  expect((await page.goto("/patients/not-a-uuid"))?.status()).toBe(404);
});

test("appointments can be filtered by status and created for a patient", async ({ page }) => {
  await signIn(page, "staff@birch.test");
  await page.goto("/appointments");
  await page.getByLabel("Status").selectOption("cancelled");
  await expect(page).toHaveURL(/status=cancelled/);
  const table = page.getByRole("table", { name: "Appointments" });
  await expect(table.getByRole("row").nth(1)).toContainText("Cancelled");
  await expect(table.getByText("Scheduled", { exact: true })).toHaveCount(0);

  await page.goto("/appointments/new");
  await page.getByRole("button", { name: "Create appointment" }).click();
  await expect(page.getByText("Choose a patient")).toBeVisible();
  await expect(page.getByText("Provider is required")).toBeVisible();
  await page.getByRole("combobox", { name: "Patient" }).fill("BIRCH-100007");
  await page.getByRole("option", { name: /BIRCH-100007/ }).click();
  await page.getByLabel("Starts").fill("2031-05-04T10:00");
  await page.getByLabel("Ends").fill("2031-05-04T09:00");
  await page.getByLabel("Provider").fill("Dr. Playwright");
  await page.getByRole("button", { name: "Create appointment" }).click();
  await expect(page.getByText("End time must be after the start time")).toBeVisible();
  await page.getByLabel("Ends").fill("2031-05-04T10:45");
  await page.getByRole("button", { name: "Create appointment" }).click();
  await expect(page.getByText("Appointment created.")).toBeVisible();
  // Shown on the organization's clock (Europe/London, summer time).
  await expect(page.getByRole("definition").filter({ hasText: /May 4, 2031, 10:00\s?AM – 10:45\s?AM/ })).toBeVisible();
});
