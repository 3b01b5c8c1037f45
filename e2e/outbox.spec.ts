// The Outbox page (owners and admins): the organization's e-mail newest first with its status,
// recipient, subject and source; the status filter; a message's text (as text, never markup); another
// organization's mail neither listed nor reachable; no link and 403 for staff. The e2e server has no
// SMTP_URL, so mail is caught — the messages here are written straight into mail_messages, as sendMail
// stores them.
import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { query, signIn, unique } from "./helpers";

type MailSeed = { org: "acme" | "birch"; subject: string; status: "caught" | "sent" | "failed"; text?: string; error?: string; to?: string; source?: string; minutesAgo?: number };

async function seedMail(mails: MailSeed[]): Promise<string[]> {
  const orgs = new Map((await query<{ id: string; slug: string }>(`SELECT id, slug FROM organizations WHERE slug IN ('acme', 'birch')`)).map((r) => [r.slug, r.id]));
  const ids: string[] = [];
  for (const m of mails) {
    const id = randomUUID();
    await query(
      `INSERT INTO mail_messages (id, "organizationId", "to", subject, text, status, error, source, "createdAt", "sentAt")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now() - make_interval(mins => $9::int), CASE WHEN $6 = 'sent' THEN now() ELSE NULL END)`,
      [id, orgs.get(m.org), m.to ?? "stock@acme.test", m.subject, m.text ?? `Body of ${m.subject}`, m.status, m.error ?? null, m.source ?? "inventory.nightly-check", m.minutesAgo ?? 0],
    );
    ids.push(id);
  }
  return ids;
}

const mailTable = (page: Page) => page.getByRole("table", { name: "E-mail of this organization" });
const dataRows = (page: Page) => mailTable(page).locator("tbody tr");

test("an owner finds caught mail in the Outbox, filters it and reads a message as text", async ({ page }) => {
  const p = unique("e2e-outbox-");
  const [caught, , , birch] = await seedMail([
    { org: "acme", subject: `${p} Inventory check: 2 items low on stock`, status: "caught", minutesAgo: 1, text: "Low stock — 2 items below the reorder threshold:\n  - Gloves (GLV-M): 3 box left\n<b>not bold</b>" },
    { org: "acme", subject: `${p} Low stock: Saline`, status: "failed", minutesAgo: 2, error: "Sending failed: 554 5.7.1 Relay access denied", to: "buyer@acme.test", source: "inventory.low-stock-alert" },
    { org: "acme", subject: `${p} Older summary`, status: "sent", minutesAgo: 30 },
    { org: "birch", subject: `${p} Birch only`, status: "caught" },
  ]);

  await signIn(page, "owner@acme.test");
  await page.getByRole("link", { name: "Outbox", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Outbox", level: 1 })).toBeVisible();
  await expect(page.getByText("No SMTP server is configured, so e-mail is caught here")).toBeVisible();

  // Newest first, with status, recipient, subject and source; Birch's mail is not Acme's.
  await page.goto(`/outbox?q=${encodeURIComponent(p)}`);
  await expect(dataRows(page)).toHaveCount(3);
  await expect(dataRows(page).nth(0)).toContainText("Caught");
  await expect(dataRows(page).nth(0)).toContainText("stock@acme.test");
  await expect(dataRows(page).nth(0)).toContainText(`${p} Inventory check: 2 items low on stock`);
  await expect(dataRows(page).nth(0)).toContainText("inventory.nightly-check");
  await expect(dataRows(page).nth(1)).toContainText("Failed");
  await expect(dataRows(page).nth(1)).toContainText("buyer@acme.test");
  await expect(dataRows(page).nth(2)).toContainText("Sent");
  await expect(mailTable(page)).not.toContainText("Birch only");

  // The status filter.
  await page.goto(`/outbox?q=${encodeURIComponent(p)}&status=failed`);
  await expect(dataRows(page)).toHaveCount(1);
  await expect(dataRows(page).first()).toContainText(`${p} Low stock: Saline`);

  // The message: its text exactly as stored, markup shown as text.
  await page.goto(`/outbox?q=${encodeURIComponent(p)}`);
  await page.getByRole("link", { name: `${p} Inventory check: 2 items low on stock` }).click();
  await expect(page.getByRole("heading", { name: `${p} Inventory check: 2 items low on stock`, level: 1 })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/outbox/${caught}$`));
  const text = page.getByLabel("Message text");
  await expect(text).toContainText("  - Gloves (GLV-M): 3 box left");
  await expect(text).toContainText("<b>not bold</b>");
  await expect(text.locator("b")).toHaveCount(0);
  await expect(page.getByText("Stored here only: no SMTP server is configured")).toBeVisible();

  // A failed message says why.
  await page.goto(`/outbox?q=${encodeURIComponent(p)}&status=failed`);
  await page.getByRole("link", { name: `${p} Low stock: Saline` }).click();
  await expect(page.getByLabel("Delivery error")).toHaveText("Sending failed: 554 5.7.1 Relay access denied");

  // Another organization's message does not exist here.
  const res = await page.goto(`/outbox/${birch}`);
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
});

test("staff have no Outbox link and get 403 on the Outbox pages", async ({ page }) => {
  const [id] = await seedMail([{ org: "acme", subject: `${unique("e2e-outbox-denied-")} Secret summary`, status: "caught" }]);
  await signIn(page, "staff@acme.test");
  await expect(page.getByRole("link", { name: "Patients" }).first()).toBeVisible();
  await expect(page.getByRole("link", { name: "Outbox", exact: true })).toHaveCount(0);
  for (const url of ["/outbox", `/outbox/${id}`]) {
    const res = await page.goto(url);
    expect(res?.status(), url).toBe(403);
    await expect(page.getByText("You do not have access to this page")).toBeVisible();
  }
});
