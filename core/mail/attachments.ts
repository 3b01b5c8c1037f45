// A mail attachment as stored with its message (mail_messages.attachments) and sent by nodemailer.
// Text files only (a purchase order as CSV, its printable HTML): they live in the message's row, so
// the Outbox can list and download them and a retried delivery sends the very same files.
import { z } from "zod";

/** All attachments of one message together, in characters: they are stored in the message's row. */
export const MAX_ATTACHMENT_CHARS = 2_000_000;

export const mailAttachment = z.object({
  // A file name a mail client can save: no path separators or control characters.
  filename: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .regex(/^[^/\\\u0000-\u001f]+$/, "A file name without slashes or control characters"),
  contentType: z.string().regex(/^[a-z]+\/[a-z0-9.+-]+(; ?charset=utf-8)?$/i, "A media type such as text/csv"),
  content: z.string(),
});
export type MailAttachment = z.infer<typeof mailAttachment>;

