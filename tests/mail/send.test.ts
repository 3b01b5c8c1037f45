// sendMail against the real database and a real SMTP conversation: with SMTP_URL unset mail is caught
// (stored for the Outbox, nobody mailed); with SMTP_URL set it goes to the server (a small one this
// test runs on loopback) and is recorded as sent, or as failed with the server's answer; a dedupe key
// sends once — after a retry, and when two senders race.
import { beforeAll, describe, expect, it } from "vitest";
import { rootDb } from "@/core/db/client";
import { sendMail } from "@/core/mail/send";
import { createTestOrganization } from "@/core/testing/plugin-test-kit";
import { smtpServerForTests, startSmtpServer } from "./smtp-server";

const mailServer = smtpServerForTests();
let organizationId: string;

beforeAll(async () => {
  organizationId = (await createTestOrganization("Mail Clinic")).org.id;
});

const useSmtp = (url: string) => mailServer.use(url);

const mail = (over: { dedupeKey?: string } = {}) => ({
  organizationId,
  to: "stock@clinic.test",
  subject: `Low stock ${crypto.randomUUID().slice(0, 8)}`,
  text: "Nitrile gloves are down to 3.\n.\nA line with a lone dot above.",
  source: "tests.mail",
  ...over,
});

const row = (id: string) => rootDb().mailMessage.findUniqueOrThrow({ where: { id } });

describe("without SMTP_URL", () => {
  it("catches the message: stored for the Outbox, nobody mailed", async () => {
    const res = await sendMail(mail());
    expect(res).toMatchObject({ status: "caught", duplicate: false });
    expect(await row(res.id)).toMatchObject({ status: "caught", error: null, sentAt: null, organizationId });
    expect(mailServer.server.messages).toHaveLength(0);
  });
});

describe("with SMTP_URL", () => {
  it("sends through the SMTP server and records it as sent", async () => {
    useSmtp(mailServer.server.url);
    const input = mail();
    const res = await sendMail(input);
    expect(res).toMatchObject({ status: "sent", duplicate: false });
    const stored = await row(res.id);
    expect(stored).toMatchObject({ status: "sent", error: null });
    expect(stored.sentAt).toBeInstanceOf(Date);
    const received = mailServer.server.messages.find((m) => m.data.includes(input.subject));
    expect(received?.to).toEqual(["stock@clinic.test"]);
    expect(received?.from).toBe("no-reply@ritiko.local");
    expect(received?.data).toContain(`Subject: ${input.subject}`);
    expect(received?.data).toContain("Nitrile gloves are down to 3.\r\n.\r\nA line with a lone dot above.");
  });

  it("records a refusal as failed with the server's answer and throws, and a retry with the same key sends it", async () => {
    useSmtp(mailServer.server.url);
    mailServer.server.rejectRcpt = "554 5.7.1 <stock@clinic.test>: Relay access denied";
    const input = mail({ dedupeKey: `tests.mail:${crypto.randomUUID()}` });
    await expect(sendMail(input)).rejects.toThrow(/Sending mail to stock@clinic\.test failed: .*Relay access denied/);
    const failed = await rootDb().mailMessage.findUniqueOrThrow({ where: { dedupeKey: input.dedupeKey } });
    expect(failed.status).toBe("failed");
    expect(failed.error).toMatch(/554 5\.7\.1 <stock@clinic\.test>: Relay access denied/);
    expect(failed.sentAt).toBeNull();

    // The job is retried once the server accepts mail again: the same row is delivered, not a second one.
    mailServer.server.rejectRcpt = null;
    const retried = await sendMail(input);
    expect(retried).toEqual({ id: failed.id, status: "sent", duplicate: false });
    expect(await row(failed.id)).toMatchObject({ status: "sent", error: null });
    // A further retry (the job's step ran again) sends nothing.
    expect(await sendMail(input)).toEqual({ id: failed.id, status: "sent", duplicate: true });
    expect(mailServer.server.messages.filter((m) => m.data.includes(input.subject))).toHaveLength(1);
  });

  it("records an unreachable server as failed with the connection error", async () => {
    const closed = await startSmtpServer();
    const url = closed.url;
    await closed.close();
    useSmtp(url);
    const input = mail({ dedupeKey: `tests.mail:${crypto.randomUUID()}` });
    await expect(sendMail(input)).rejects.toThrow(/failed: .*ECONNREFUSED/);
    expect(await rootDb().mailMessage.findUniqueOrThrow({ where: { dedupeKey: input.dedupeKey } })).toMatchObject({ status: "failed", error: expect.stringMatching(/ECONNREFUSED/) });
  });

  it("sends once when several retries of a failed message race", async () => {
    useSmtp(mailServer.server.url);
    mailServer.server.rejectRcpt = "451 4.3.0 Try again later";
    const input = mail({ dedupeKey: `tests.mail:${crypto.randomUUID()}` });
    await expect(sendMail(input)).rejects.toThrow(/Try again later/);
    mailServer.server.rejectRcpt = null;
    const results = await Promise.all([sendMail(input), sendMail(input), sendMail(input)]);
    expect(results.filter((r) => !r.duplicate)).toEqual([{ id: results[0]!.id, status: "sent", duplicate: false }]);
    expect(mailServer.server.messages.filter((m) => m.data.includes(input.subject))).toHaveLength(1);
    expect(await rootDb().mailMessage.findUniqueOrThrow({ where: { dedupeKey: input.dedupeKey } })).toMatchObject({ status: "sent", error: null });
  });

  it("sends once when two senders race with the same dedupe key", async () => {
    useSmtp(mailServer.server.url);
    const input = mail({ dedupeKey: `tests.mail:${crypto.randomUUID()}` });
    const results = await Promise.all([sendMail(input), sendMail(input), sendMail(input)]);
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(await rootDb().mailMessage.count({ where: { dedupeKey: input.dedupeKey } })).toBe(1);
    expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
    expect(mailServer.server.messages.filter((m) => m.data.includes(input.subject))).toHaveLength(1);
  });
});
