// A purchase order a supplier can receive, against the real database and a real SMTP conversation:
// the settings' supplier and e-mail fill a generated order; the supplier is edited per order (refused
// with field errors, nothing saved; never on a received order); "E-mail to supplier" sends the order
// with its CSV and printable HTML attached, marks a draft sent, sends once on a double click, and on a
// refused delivery leaves the draft a draft with the failure in the Outbox.
import "@/app/_plugins/runtime";
import { simpleParser, type ParsedMail } from "mailparser";
import { describe, expect, it } from "vitest";
import { rootDb } from "@/core/db/client";
import { getMail, getMailAttachment } from "@/core/mail/queries";
import { saveSettings } from "@/core/plugins/settings/store";
import { createTestOrganization, enablePluginFor } from "@/core/testing/plugin-test-kit";
import { smtpServerForTests } from "@/tests/mail/smtp-server";
import { orderCsv, orderHtml } from "../orders/documents";
import { getOrder } from "../orders/queries";
import { emailOrder, generateOrderForSelection, receiveOrderAsMember, saveSupplier, sendOrder } from "../orders/service";
import inventory from "../plugin";

const mailServer = smtpServerForTests();

const unique = (p: string) => `${p}${Math.random().toString(36).slice(2, 8)}`.toUpperCase();

async function draftOrder(settings: Record<string, string> = { defaultSupplier: "MedSupply Co.", defaultSupplierEmail: "orders@medsupply.test" }) {
  const org = await createTestOrganization(`Supplier Clinic ${unique("")}`);
  await enablePluginFor(org, "inventory");
  const owner = await org.as("owner");
  await rootDb().$transaction((tx) => saveSettings(tx, { manifest: inventory, org: owner.organization, input: settings, actorUserId: owner.user.id }));
  const p = unique("SUP");
  const gloves = await rootDb().inventoryItem.create({ data: { organizationId: org.org.id, name: `Nitrile gloves <M>`, sku: `${p}-1`, quantity: 3, reorderThreshold: 10, price: "4.25", unit: "box" } });
  const formula = await rootDb().inventoryItem.create({ data: { organizationId: org.org.id, name: `=HYPERLINK("x")`, sku: `${p}-2`, quantity: 0, reorderThreshold: 1, price: "0.99" } });
  const res = await generateOrderForSelection(owner, { mode: "ids", ids: [gloves.id, formula.id] });
  if (!res.ok || res.data.kind !== "created") throw new Error("no order");
  return { org, owner, orderId: res.data.orderId, number: res.data.number };
}

const useSmtp = () => mailServer.use();
const received = async (subject: string): Promise<ParsedMail[]> =>
  Promise.all(mailServer.server.messages.filter((m) => m.data.includes(subject)).map((m) => simpleParser(m.data)));

describe("the supplier of an order", () => {
  it("comes from the settings' default supplier and e-mail, and is edited per order until it is received", async () => {
    const { org, owner, orderId } = await draftOrder();
    expect(await getOrder(org.org.id, orderId)).toMatchObject({ supplier: "MedSupply Co.", supplierEmail: "orders@medsupply.test" });

    const bad = await saveSupplier(owner, { orderId, supplier: "  ", supplierEmail: "orders@" });
    expect(bad).toEqual({ ok: false, error: "Please correct the supplier's details.", fieldErrors: { supplier: "Name the supplier", supplierEmail: "Not an e-mail address" } });
    expect(await getOrder(org.org.id, orderId)).toMatchObject({ supplier: "MedSupply Co.", supplierEmail: "orders@medsupply.test" });

    expect(await saveSupplier(owner, { orderId, supplier: " Birch Medical ", supplierEmail: "" })).toMatchObject({ ok: true, message: "PO-0001: supplier saved." });
    expect(await getOrder(org.org.id, orderId)).toMatchObject({ supplier: "Birch Medical", supplierEmail: null });

    // Another organization's member cannot see it, and a received order keeps the supplier it was received from.
    const otherOrg = await createTestOrganization(`Other Supplier Clinic ${unique("")}`);
    await enablePluginFor(otherOrg, "inventory");
    const other = await otherOrg.as("owner");
    expect(await saveSupplier(other, { orderId, supplier: "Hijack", supplierEmail: "" })).toEqual({ ok: false, error: "This purchase order does not exist." });
    expect((await sendOrder(owner, orderId)).ok).toBe(true);
    expect((await receiveOrderAsMember(owner, orderId)).ok).toBe(true);
    expect(await saveSupplier(owner, { orderId, supplier: "Late Co.", supplierEmail: "" })).toEqual({ ok: false, error: expect.stringMatching(/^PO-0001 was already received on \d{4}-\d{2}-\d{2}/) });
    expect(await getOrder(org.org.id, orderId)).toMatchObject({ supplier: "Birch Medical" });
  });

  it("is refused without inventory.manage_purchase_orders", async () => {
    const { org, orderId } = await draftOrder();
    const viewer = await org.as("viewer");
    expect(await saveSupplier(viewer, { orderId, supplier: "X", supplierEmail: "" })).toEqual({ ok: false, error: expect.stringMatching(/^You need the ".+" permission to do this\./) });
    expect(await emailOrder(viewer, orderId)).toEqual({ ok: false, error: expect.stringMatching(/^You need the ".+" permission to do this\./) });
    expect(await getOrder(org.org.id, orderId)).toMatchObject({ supplier: "MedSupply Co.", status: "draft" });
  });
});

describe("E-mail to supplier", () => {
  it("sends the order with its CSV and printable page attached and marks the draft sent; a second click sends nothing more", async () => {
    useSmtp();
    const { org, owner, orderId } = await draftOrder();
    const res = await emailOrder(owner, orderId);
    expect(res).toEqual({ ok: true, data: undefined, message: "PO-0001 was e-mailed to orders@medsupply.test and marked as sent." });
    expect((await getOrder(org.org.id, orderId))!.status).toBe("sent");

    const subject = `Purchase order PO-0001 from ${owner.organization.name}`;
    const [mail, ...more] = await received(subject);
    expect(more).toHaveLength(0);
    expect(mail!.to).toMatchObject({ text: "orders@medsupply.test" });
    expect(mail!.text).toContain("Hello MedSupply Co.,");
    expect(mail!.text).toContain("- 17 boxes Nitrile gloves <M> (SKU");
    expect(mail!.attachments.map((a) => [a.filename, a.contentType])).toEqual([
      ["PO-0001.csv", "text/csv"],
      ["PO-0001.html", "text/html"],
    ]);
    const csv = mail!.attachments[0]!.content.toString("utf8").replace(/^\uFEFF/, "").split("\r\n");
    expect(csv[0]).toBe("SKU,Item,Unit,Quantity,Unit price,Line total,Currency");
    // Lines by item name; a cell a spreadsheet would run as a formula is neutralised.
    expect(csv.slice(1, 3)).toEqual([expect.stringMatching(/^SUP\w+-2,"'=HYPERLINK\(""x""\)",each,2,0.99,1.98,USD$/), expect.stringMatching(/^SUP\w+-1,Nitrile gloves <M>,box,17,4.25,72.25,USD$/)]);
    const html = mail!.attachments[1]!.content.toString("utf8");
    expect(html).toContain("<h1>Purchase order PO-0001</h1>");
    expect(html).toContain("Nitrile gloves &lt;M&gt;");
    expect(html).not.toContain("<M>");
    expect(html).toContain("$74.23");

    // The Outbox keeps it with its attachments; sending again unchanged sends nothing.
    const stored = await rootDb().mailMessage.findFirstOrThrow({ where: { organizationId: org.org.id, subject } });
    expect(stored).toMatchObject({ status: "sent", source: "inventory.purchase-order" });
    expect((stored.attachments as Array<{ filename: string }>).map((a) => a.filename)).toEqual(["PO-0001.csv", "PO-0001.html"]);
    // The Outbox page lists and downloads them, for this organization only.
    expect((await getMail(owner, stored.id))!.attachments).toEqual([
      { filename: "PO-0001.csv", contentType: "text/csv; charset=utf-8", bytes: Buffer.byteLength(mail!.attachments[0]!.content) },
      { filename: "PO-0001.html", contentType: "text/html; charset=utf-8", bytes: Buffer.byteLength(html) },
    ]);
    expect((await getMailAttachment(owner, stored.id, 0))?.content).toBe(mail!.attachments[0]!.content.toString("utf8"));
    expect(await getMailAttachment(owner, stored.id, 2)).toBeNull();
    const stranger = await (await createTestOrganization(`Stranger ${unique("")}`)).as("owner");
    expect(await getMailAttachment(stranger, stored.id, 0)).toBeNull();
    expect(await getMail(stranger, stored.id)).toBeNull();

    const twice = await Promise.all([emailOrder(owner, orderId), emailOrder(owner, orderId)]);
    expect(twice.filter((r) => r.ok && r.message?.includes("nothing was sent again"))).toHaveLength(1);
    // One of the two raced with the other: both read the same version of the sent order, so one message.
    expect(await received(subject)).toHaveLength(2);
  });

  it("leaves a draft a draft when the mail server refuses the message, with the failure in the Outbox", async () => {
    useSmtp();
    mailServer.server.rejectRcpt = "554 5.7.1 <orders@medsupply.test>: Relay access denied";
    const { org, owner, orderId } = await draftOrder();
    const res = await emailOrder(owner, orderId);
    expect(res).toEqual({ ok: false, error: expect.stringMatching(/Relay access denied.*PO-0001 was not marked as sent; the Outbox lists the failed message\.$/) });
    expect((await getOrder(org.org.id, orderId))!.status).toBe("draft");
    const failed = await rootDb().mailMessage.findFirstOrThrow({ where: { organizationId: org.org.id, source: "inventory.purchase-order" } });
    expect(failed).toMatchObject({ status: "failed", error: expect.stringContaining("Relay access denied") });
  });

  it("asks for the supplier's e-mail first, and refuses a received order", async () => {
    const { org, owner, orderId } = await draftOrder({ defaultSupplier: "No Mail Ltd", defaultSupplierEmail: "" });
    expect(await emailOrder(owner, orderId)).toEqual({ ok: false, error: "PO-0001 has no supplier e-mail address: add it under Supplier first.", fieldErrors: { supplierEmail: "Needed to e-mail the order" } });
    expect(await rootDb().mailMessage.count({ where: { organizationId: org.org.id } })).toBe(0);

    // Without a mail server the message is caught for the Outbox, and the answer says nobody was mailed.
    await saveSupplier(owner, { orderId, supplier: "No Mail Ltd", supplierEmail: "po@nomail.test" });
    expect(await emailOrder(owner, orderId)).toMatchObject({ ok: true, message: "PO-0001 is in the Outbox for po@nomail.test (no mail server is configured, so nobody was mailed) and marked as sent." });
    expect((await receiveOrderAsMember(owner, orderId)).ok).toBe(true);
    expect(await emailOrder(owner, orderId)).toEqual({ ok: false, error: "PO-0001 was already received; there is nothing left to order." });
  });
});

describe("the order's documents", () => {
  it("escape every value in the printable page and keep machine formats in the CSV", async () => {
    const { org, orderId } = await draftOrder({ defaultSupplier: `"><script>alert(1)</script>`, defaultSupplierEmail: "" });
    const order = (await getOrder(org.org.id, orderId))!;
    const ctx = { organizationName: "A & B <Clinic>", currency: "EUR", timezone: "Europe/Berlin", locale: "en-US" };
    const html = orderHtml(order, ctx);
    expect(html).not.toMatch(/<script>/);
    expect(html).toContain("&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("A &amp; B &lt;Clinic&gt;");
    expect(html).toContain("€72.25");
    expect(orderCsv(order, ctx)).toMatch(/,box,17,4\.25,72\.25,EUR\r\n/);
  });
});
