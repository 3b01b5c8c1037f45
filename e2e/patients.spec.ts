import { expect, test } from "@playwright/test";
import { signIn, unique } from "./helpers";

test("create, validate, edit and delete a patient", async ({ page }) => {
  await signIn(page, "staff@acme.test");
  await page.getByRole("link", { name: "Patients" }).first().click();
  await page.getByRole("link", { name: "New patient" }).click();

  // Empty and bad values: inline errors, nothing created.
  await page.getByRole("button", { name: "Create patient" }).click();
  await expect(page.getByText("First name is required")).toBeVisible();
  await expect(page.getByText("Medical record number is required")).toBeVisible();
  const last = unique("Testperson");
  const mrn = unique("E2E-").toUpperCase();
  await page.getByLabel("First name").fill("Grace");
  await page.getByLabel("Last name").fill(last);
  await page.getByLabel("Date of birth").fill("2999-01-01");
  await page.getByLabel("Medical record number").fill(mrn);
  await page.getByLabel("Email", { exact: true }).fill("grace@");
  await page.getByRole("button", { name: "Create patient" }).click();
  await expect(page.getByText("Date of birth cannot be in the future")).toBeVisible();
  await expect(page.getByText("Enter a valid email address")).toBeVisible();

  await page.getByLabel("Date of birth").fill("1985-04-12");
  await page.getByLabel("Email", { exact: true }).fill("grace@example.com");
  await page.getByRole("button", { name: "Create patient" }).click();
  await expect(page.getByRole("heading", { name: `Grace ${last}`, level: 1 })).toBeVisible();
  await expect(page.getByText("Patient Grace")).toBeVisible(); // toast

  // A second patient with the same record number is refused on the field.
  await page.goto("/patients/new");
  await page.getByLabel("First name").fill("Dup");
  await page.getByLabel("Last name").fill(last);
  await page.getByLabel("Date of birth").fill("1990-01-01");
  await page.getByLabel("Medical record number").fill(mrn);
  await page.getByRole("button", { name: "Create patient" }).click();
  await expect(page.getByText(/already has this medical record number/)).toBeVisible();

  // Edit.
  await page.goto(`/patients?q=${last}`);
  await expect(page.getByRole("link", { name: `${last}, Grace` })).toBeVisible();
  await page.getByRole("link", { name: `${last}, Grace` }).click();
  await page.getByRole("link", { name: "Edit" }).click();
  await page.getByLabel("First name").fill("Gracie");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("heading", { name: `Gracie ${last}`, level: 1 })).toBeVisible();

  // Delete with confirmation: cancel first, then confirm.
  await page.getByRole("button", { name: "Delete" }).click();
  const dialog = page.getByRole("alertdialog");
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByRole("heading", { name: `Gracie ${last}`, level: 1 })).toBeVisible();
  await page.getByRole("button", { name: "Delete" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Delete" }).click();
  await expect(page).toHaveURL(/\/patients$/);
  await page.goto(`/patients?q=${last}`);
  await expect(page.getByText("No results")).toBeVisible();
});

test("search, sort and paginate the patient list through the URL", async ({ page }) => {
  await signIn(page, "viewer@birch.test");
  await page.goto("/patients");
  const table = page.getByRole("table", { name: "Patients" });
  await expect(page.getByText(/Showing 1–20 of/)).toBeVisible();

  // Paginate.
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(page.getByText(/Showing 21–40 of/)).toBeVisible();
  await page.getByLabel("Rows per page").selectOption("50");
  await expect(page.getByText(/Showing 1–50 of/)).toBeVisible();

  // Sort by record number, descending on the second click.
  await table.getByRole("button", { name: "Record no." }).click();
  await expect(page).toHaveURL(/sort=medicalRecordNumber&dir=asc|dir=asc.*sort=medicalRecordNumber/);
  await expect(table.getByRole("row").nth(1)).toContainText("BIRCH-100001");
  await table.getByRole("button", { name: "Record no." }).click();
  await expect(page).toHaveURL(/dir=desc/);
  await expect(table.getByRole("columnheader", { name: "Record no." })).toHaveAttribute("aria-sort", "descending");
  await expect(table.getByRole("row").nth(1)).toContainText("BIRCH-100200");

  // Search by record number substring; the URL keeps it across a reload.
  await page.getByRole("searchbox", { name: "Search" }).fill("BIRCH-100042");
  await expect(page).toHaveURL(/q=BIRCH-100042/);
  await expect(table.getByRole("row")).toHaveCount(2);
  await page.reload();
  await expect(page.getByRole("searchbox", { name: "Search" })).toHaveValue("BIRCH-100042");
  await expect(table.getByRole("row").nth(1)).toContainText("BIRCH-100042");

  // A filter joins the search in the URL; clearing the search keeps the filter.
  await page.getByLabel("Visits").selectOption("none");
  await expect(page).toHaveURL(/visits=none/);
  await expect(page).toHaveURL(/q=BIRCH-100042/);
  await page.getByRole("button", { name: "Clear search" }).click();
  await expect(page).not.toHaveURL(/q=/);
  await expect(page).toHaveURL(/visits=none/);
  await expect(page.getByText(/Showing 1–\d+ of \d+|No results/)).toBeVisible();
});

test("a viewer can read but not create patients", async ({ page }) => {
  await signIn(page, "viewer@acme.test");
  await page.goto("/patients");
  await expect(page.getByRole("table", { name: "Patients" })).toBeVisible();
  await expect(page.getByRole("link", { name: "New patient" })).toHaveCount(0);
  const res = await page.goto("/patients/new");
  expect(res?.status()).toBe(403);
  await expect(page.getByText("You do not have access to this page")).toBeVisible();
});
