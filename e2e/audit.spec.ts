// The audit log in the browser (Birch): enable it, edit a patient -> the patient's History shows the
// change; the viewer filters (and says why a reversed date range is refused); "Verify chain" says the
// chain is intact; "Export CSV" downloads the filtered entries.
import { expect, test } from "@playwright/test";
import { BIRCH, query, signIn } from "./helpers";

test.describe.configure({ mode: "serial" });

test("enable the audit log, edit a patient, see the change in the patient's history", async ({ page }) => {
  await signIn(page, "owner@birch.test");
  await page.goto("/plugins");
  const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: /Audit log/ }) });
  const enable = card.getByRole("button", { name: "Enable Audit log" });
  // The card shows one of the two once rendered: wait for it before deciding (isVisible() does not wait).
  await expect(enable.or(card.getByRole("button", { name: "Disable Audit log" }))).toBeVisible();
  if (await enable.isVisible()) {
    await enable.click();
    await expect(page.getByText(`Audit log enabled for ${BIRCH}.`)).toBeVisible();
  }
  const [patient] = await query<{ id: string; firstName: string; lastName: string }>(
    `SELECT p.id, p."firstName", p."lastName" FROM patients p JOIN organizations o ON o.id = p."organizationId" WHERE o.slug = 'birch' ORDER BY p."createdAt" LIMIT 1`,
  );
  const phone = `+44 20 ${String(Date.now()).slice(-7)}`;
  await page.goto(`/patients/${patient!.id}/edit`);
  await page.getByLabel("Phone").fill(phone);
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("heading", { name: `${patient!.firstName} ${patient!.lastName}`, level: 1 })).toBeVisible();
  const history = page.getByRole("region", { name: "History" });
  await expect(history).toBeVisible();
  await expect(history.getByRole("listitem").first()).toContainText("Updated by");
  await expect(history.getByRole("table", { name: /Changes of entry/ }).first()).toContainText(phone);
});

test("the viewer filters, verifies the chain and exports a CSV", async ({ page }) => {
  await signIn(page, "owner@birch.test");
  await page.goto("/audit?targetType=core.patient&action=updated");
  await expect(page.getByRole("heading", { name: "Audit log", level: 1 })).toBeVisible();
  const table = page.getByRole("table", { name: "Audit entries" });
  await expect(table.getByRole("row").nth(1)).toContainText("Updated");
  await expect(table.getByRole("row").nth(1)).toContainText("phone");

  await page.goto("/audit?from=2030-01-02&to=2030-01-01");
  await expect(page.getByText("The start date must be on or before the end date")).toBeVisible();

  await page.goto("/audit?action=plugin_enabled");
  await expect(table.getByRole("row").nth(1)).toContainText("Audit log");

  await page.getByRole("button", { name: "Verify chain" }).click();
  await expect(page.getByTestId("verify-result")).toContainText(/Chain intact: [\d,]+ entries verified/);

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export CSV" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^audit-birch-\d{4}-\d{2}-\d{2}\.csv$/);
  const body = await (await download.createReadStream()).toArray();
  const text = Buffer.concat(body).toString("utf8").replace(/^\uFEFF/, "");
  expect(text.split("\r\n")[0]).toBe("seq,time,actor type,actor,actor id,action,target type,target id,target,changes,source,request id,ip,import id,hash");
  expect(text).toContain("plugin_enabled");
});
