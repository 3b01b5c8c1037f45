// Sending e-mail. Every message is stored in mail_messages first (the Outbox page lists them), then:
//   SMTP_URL set (smtp://user:pass@host:587, smtps://... for TLS) -> sent with nodemailer; the row
//     says sent, or failed with the server's answer (and the call throws, so a job retries it);
//   SMTP_URL unset -> "caught": stored only, readable in the Outbox, nobody is mailed. A fresh
//     install therefore never mails real people by accident.
// Attachments are text files (a CSV, a printable HTML page), stored with the message so the Outbox
// lists them and a retry sends the same files; at most 10, 2 MB in all.
// A dedupeKey makes a retried job send once: the second call finds the stored message and, when it
// was already sent or caught, does nothing.
import nodemailer, { type Transporter } from "nodemailer";
import { z } from "zod";
import { isUniqueViolation } from "@/core/db/errors";
import { rootDb, type Prisma, type RootDb } from "@/core/db/client";
import { log } from "@/core/log";
import { MAX_ATTACHMENT_CHARS, mailAttachment } from "./attachments";

export const mailInput = z.object({
  organizationId: z.uuid().nullable(),
  to: z.email("Not an e-mail address").max(254),
  subject: z.string().trim().min(1).max(300),
  text: z.string().min(1).max(200_000),
  html: z.string().max(500_000).nullish(),
  source: z.string().min(1).max(100),
  dedupeKey: z.string().max(300).nullish(),
  attachments: z
    .array(mailAttachment)
    .max(10, "At most 10 attachments")
    .refine((files) => files.reduce((n, f) => n + f.content.length, 0) <= MAX_ATTACHMENT_CHARS, "The attachments are larger than 2 MB in all")
    .nullish(),
});
export type MailInput = z.input<typeof mailInput>;
export type MailResult = { id: string; status: "caught" | "sent" | "failed"; duplicate: boolean };

let transport: Transporter | null | undefined;
function smtp(): Transporter | null {
  if (transport === undefined) transport = process.env.SMTP_URL ? nodemailer.createTransport(process.env.SMTP_URL) : null;
  return transport;
}
/** Tests point the mailer at their own SMTP server. */
export function resetMailTransport() {
  transport = undefined;
}

export function mailFrom(): string {
  return process.env.MAIL_FROM || "Ritiko <no-reply@ritiko.local>";
}

export async function sendMail(input: MailInput, db: RootDb = rootDb()): Promise<MailResult> {
  const mail = mailInput.parse(input);
  const transporter = smtp();
  if (mail.dedupeKey) {
    const existing = await db.mailMessage.findUnique({ where: { dedupeKey: mail.dedupeKey }, select: { id: true, status: true } });
    if (existing && existing.status !== "failed") return { id: existing.id, status: existing.status as MailResult["status"], duplicate: true };
    if (existing) return redeliver(db, transporter, existing.id, mail);
  }
  const row = await createRow(db, mail, transporter !== null);
  if ("duplicate" in row) return row;
  if (!transporter) {
    log.info("mail.caught", { id: row.id, to: mail.to, subject: mail.subject, source: mail.source });
    return { id: row.id, status: "caught", duplicate: false };
  }
  // Delivered under the row's lock, like a retry: a second sender with the same key that finds the row
  // while this one talks to the SMTP server waits, then finds it sent (a double click sends once).
  return mail.dedupeKey ? redeliver(db, transporter, row.id, mail) : deliver(db, transporter, row.id, mail);
}

/**
 * The stored message. Two callers racing with one dedupeKey (a job retried while its first attempt
 * still runs) meet at the unique index: the loser gets the winner's row back as a duplicate and
 * sends nothing, so the message goes out once.
 */
async function createRow(db: RootDb, mail: z.output<typeof mailInput>, viaSmtp: boolean): Promise<{ id: string } | MailResult> {
  try {
    return await db.mailMessage.create({
      data: {
        organizationId: mail.organizationId,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html ?? null,
        source: mail.source,
        dedupeKey: mail.dedupeKey ?? null,
        attachments: mail.attachments?.length ? mail.attachments : undefined,
        // Until the SMTP server accepted it, a message counts as failed: a crash mid-send leaves a row
        // that a retry (same dedupeKey) delivers instead of one that claims it went out.
        status: viaSmtp ? "failed" : "caught",
        error: viaSmtp ? "Not sent yet" : null,
      },
      select: { id: true },
    });
  } catch (err) {
    if (!mail.dedupeKey || !isUniqueViolation(err)) throw err;
    const winner = await db.mailMessage.findUniqueOrThrow({ where: { dedupeKey: mail.dedupeKey }, select: { id: true, status: true } });
    return { id: winner.id, status: winner.status as MailResult["status"], duplicate: true };
  }
}

/**
 * Delivery of a deduplicated message: its first attempt, or a retry of one that failed. Concurrent
 * senders (a job's step retried while the first attempt still talks to the SMTP server, a double
 * click) queue on the row lock: the first re-checks "still failed" and sends, the others then find it
 * sent and send nothing. The lock is held through the SMTP conversation — a few seconds.
 */
async function redeliver(db: RootDb, transporter: Transporter | null, id: string, mail: z.output<typeof mailInput>): Promise<MailResult> {
  const outcome = await db.$transaction(
    async (tx) => {
      const [row] = await tx.$queryRaw<Array<{ status: string }>>`SELECT status FROM mail_messages WHERE id = ${id}::uuid FOR UPDATE`;
      if (row && row.status !== "failed") return { result: { id, status: row.status as MailResult["status"], duplicate: true } };
      try {
        return { result: await deliver(tx, transporter, id, mail) };
      } catch (err) {
        // deliver() recorded the failure on the row: commit that, then report it to the caller.
        return { error: err as Error };
      }
    },
    { maxWait: 60_000, timeout: 120_000 },
  );
  if ("error" in outcome) throw outcome.error;
  return outcome.result;
}

async function deliver(db: RootDb | Prisma.TransactionClient, transporter: Transporter | null, id: string, mail: z.output<typeof mailInput>): Promise<MailResult> {
  if (!transporter) {
    await db.mailMessage.update({ where: { id }, data: { status: "caught", error: null } });
    return { id, status: "caught", duplicate: false };
  }
  try {
    await transporter.sendMail({
      from: mailFrom(),
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html ?? undefined,
      attachments: mail.attachments?.map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content })),
    });
    await db.mailMessage.update({ where: { id }, data: { status: "sent", error: null, sentAt: new Date() } });
    return { id, status: "sent", duplicate: false };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    await db.mailMessage.update({ where: { id }, data: { status: "failed", error: message.slice(0, 2000) } });
    log.warn("mail.failed", { id, to: mail.to, error: message });
    throw new Error(`Sending mail to ${mail.to} failed: ${message}`);
  }
}
