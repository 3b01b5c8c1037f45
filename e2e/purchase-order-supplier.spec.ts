// A purchase order a supplier can receive, in the browser as Acme's owner (issue 16.9): the order's
// supplier is edited on its page (a bad address refused on its field), "E-mail to supplier" puts the
// order in the Outbox with its CSV and printable page attached and marks it sent, the CSV downloads
// from the Outbox, and printed the page is the order alone. The e2e server has no SMTP_URL, so the
// message is caught: stored for the Outbox, nobody mailed.
import { expect, test } from "@playwright/test";
import { ensureInventoryEnabled, query, signIn, unique } from "./helpers";

async function seedLowItems(prefix: string) {
  const [org] = await query<{ id: string }>(`SELECT id FROM organizations WHERE slug = 'acme'`);
  for (const [i, [name, quantity, price]] of ([["Gauze", 2, "4.25"], ["Lancets", 0, "1.50"]] as const).entries()) {
    await query(
      `INSERT INTO inventory_items (id, "organizationId", name, sku, quantity, unit, price, "reorderThreshold", "updatedAt")
       VALUES (gen_random_uuid(), $1, $2, $3, $4, 'box', $5, 10, now())`,
      [org!.id, `${prefix} ${name}`, `${prefix}-${i + 1}`, quantity, price],
    );
  }
}

test("an order's supplier is edited, the order e-mailed with its CSV and printable page, and printed alone", async ({ page }) => {
  const p = unique("E2EPO").toUpperCase();
  await seedLowItems(p);
  await signIn(page, "owner@acme.test");
  await ensureInventoryEnabled(page);
  await page.goto(`/inventory?q=${p}`);
  await page.getByRole("checkbox", { name: "Select all rows on this page" }).check();
  await page.getByRole("region", { name: "Bulk actions" }).getByRole("button", { name: "Generate purchase order" }).click();
  await expect(page).toHaveURL(/\/inventory\/orders\/[0-9a-f-]{36}$/);
  const heading = page.getByRole("heading", { level: 1 });
  const label = /PO-\d{4}/.exec((await heading.textContent()) ?? "")![0];

  // The supplier: a bad address is refused on its field, nothing saved; a good one is kept.
  const supplierForm = page.getByRole("form", { name: "Supplier" });
  await supplierForm.getByLabel("Supplier", { exact: true }).fill(`${p} Medical Supplies`);
  await supplierForm.getByLabel("Supplier's e-mail").fill("orders@");
  await supplierForm.getByRole("button", { name: "Save supplier" }).click();
  await expect(supplierForm.getByText("Not an e-mail address")).toBeVisible();
  await supplierForm.getByLabel("Supplier's e-mail").fill(`orders+${p.toLowerCase()}@supplies.test`);
  await supplierForm.getByRole("button", { name: "Save supplier" }).click();
  await expect(page.getByText(`${label}: supplier saved.`)).toBeVisible();
  await page.reload();
  await expect(page.getByRole("form", { name: "Supplier" }).getByLabel("Supplier", { exact: true })).toHaveValue(`${p} Medical Supplies`);

  // Printed, the page is the order: no sidebar, header or buttons; the supplier and lines as text.
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation").first()).toBeHidden();
  await expect(page.getByRole("button", { name: "E-mail to supplier" })).toBeHidden();
  await expect(page.getByRole("button", { name: "Save quantities" })).toBeHidden();
  await expect(page.getByRole("form", { name: "Supplier" })).toBeHidden();
  await expect(page.getByLabel("Supplier details")).toContainText(`${p} Medical Supplies`);
  await expect(page.getByLabel("Supplier details")).toContainText(`orders+${p.toLowerCase()}@supplies.test`);
  await expect(page.getByRole("table", { name: "Order lines" })).toContainText(`${p} Gauze`);
  await expect(page.getByTestId("order-total")).toHaveText("$106.50");
  await page.emulateMedia({ media: "screen" });

  // E-mail to supplier: confirmed, caught for the Outbox (no mail server), and the draft is sent.
  await page.getByRole("button", { name: "E-mail to supplier" }).click();
  const dialog = page.getByRole("alertdialog");
  await expect(dialog).toContainText(`goes to orders+${p.toLowerCase()}@supplies.test with the order attached as a CSV file and a printable page, and is marked as sent`);
  await dialog.getByRole("button", { name: "Send e-mail" }).click();
  await expect(page.getByText(`${label} is in the Outbox for orders+${p.toLowerCase()}@supplies.test (no mail server is configured, so nobody was mailed) and marked as sent.`)).toBeVisible();
  await expect(heading).toContainText("Sent");
  await expect(page.getByRole("button", { name: "E-mail again" })).toBeVisible();

  // The Outbox has the message with both attachments; the CSV downloads with the order's lines.
  await page.goto(`/outbox?q=${encodeURIComponent(label)}`);
  await page.getByRole("link", { name: new RegExp(`Purchase order ${label} from`) }).first().click();
  await expect(page.getByLabel("Message text")).toContainText(`Hello ${p} Medical Supplies,`);
  const files = page.getByRole("list", { name: "Attachments" });
  await expect(files.getByRole("listitem")).toHaveText([new RegExp(`^${label}\\.csv\\s*text/csv · \\d+ B`), new RegExp(`^${label}\\.html\\s*text/html · [\\d.]+ (B|KB)`)]);
  const download = page.waitForEvent("download");
  await files.getByRole("link", { name: `${label}.csv` }).click();
  const csv = await (await download).createReadStream().then(async (s) => {
    let text = "";
    for await (const chunk of s) text += chunk;
    return text.replace(/^\uFEFF/, "");
  });
  expect(csv.split("\r\n").slice(0, 3)).toEqual([
    "SKU,Item,Unit,Quantity,Unit price,Line total,Currency",
    `${p}-1,${p} Gauze,box,18,4.25,76.50,USD`,
    `${p}-2,${p} Lancets,box,20,1.50,30.00,USD`,
  ]);
});
