// Issue 15.4 in the browser, in an organization of its own (the other specs use Acme and Birch): the
// owner disables the Audit log through the dialog (typed name, reason), the dashboard says it is off,
// a change meanwhile is not recorded, and after re-enabling the Audit page shows the gap with who and why.
import crypto from "node:crypto";
import { expect, test } from "@playwright/test";
import { PASSWORD, query, signIn } from "../../e2e/helpers";

test("disabling the audit log takes an owner's typed confirmation and reason, and leaves a visible gap", async ({ page }) => {
  const tag = crypto.randomBytes(4).toString("hex");
  const email = `owner-${tag}@gap.test`;
  const [org] = await query<{ id: string }>(
    `INSERT INTO organizations (id, name, slug, timezone, currency, "updatedAt") VALUES (gen_random_uuid(), $1, $2, 'UTC', 'USD', now()) RETURNING id`,
    [`Gap Clinic ${tag}`, `gap-${tag}`],
  );
  // Same password as the demo users: the hash of owner@acme.test.
  const [user] = await query<{ id: string }>(
    `INSERT INTO users (id, email, name, "passwordHash", "updatedAt") SELECT gen_random_uuid(), $1, 'Gale Owner', "passwordHash", now() FROM users WHERE email = 'owner@acme.test' RETURNING id`,
    [email],
  );
  await query(`INSERT INTO memberships (id, "organizationId", "userId", role) VALUES (gen_random_uuid(), $1, $2, 'owner')`, [org!.id, user!.id]);
  await signIn(page, email, PASSWORD);

  // Enable the Audit log, then disable it through the dialog.
  await page.goto("/plugins");
  const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: /Audit log/ }) });
  await card.getByRole("button", { name: "Enable Audit log" }).click();
  await expect(card.getByRole("button", { name: "Disable Audit log" })).toBeVisible();
  await card.getByRole("button", { name: "Disable Audit log" }).click();
  const dialog = page.getByRole("alertdialog", { name: "Disable Audit log?" });
  await expect(dialog).toContainText("nothing done while the audit log is off is recorded");
  await dialog.getByLabel("Type “Audit log” to confirm").fill("Audit");
  await dialog.getByLabel("Reason (recorded)").fill("Vendor maintenance");
  await dialog.getByRole("button", { name: "Disable Audit log" }).click();
  await expect(dialog).toContainText("Type “Audit log” to confirm that you want to disable it.");
  await dialog.getByLabel("Type “Audit log” to confirm").fill("Audit log");
  await dialog.getByRole("button", { name: "Disable Audit log" }).click();
  await expect(dialog).toBeHidden();
  await expect(card.getByRole("button", { name: "Enable Audit log" })).toBeVisible();

  // The dashboard tells the owner.
  await page.goto("/");
  await expect(page.getByRole("alert").filter({ hasText: "Audit log is off since" })).toContainText("disabled by Gale Owner: “Vendor maintenance”");

  // Enabled again: the Audit page shows the gap.
  await page.goto("/plugins");
  await card.getByRole("button", { name: "Enable Audit log" }).click();
  await expect(card.getByRole("button", { name: "Disable Audit log" })).toBeVisible();
  await page.goto("/");
  await expect(page.getByRole("alert").filter({ hasText: "Audit log is off since" })).toHaveCount(0);
  await page.goto("/audit");
  const gaps = page.getByRole("region", { name: "Gaps in the audit trail" });
  await expect(gaps).toContainText(/Auditing was off from .+ to .+ by Gale Owner: “Vendor maintenance”/);
});
