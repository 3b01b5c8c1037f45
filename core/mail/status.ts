// Mail statuses and their badge colours on the Outbox page, safe to import from client components. The
// words for each (label and meaning) are in the message catalogues (core/i18n/messages, "outbox").
export const MAIL_STATUSES = ["caught", "sent", "failed"] as const;
export type MailStatus = (typeof MAIL_STATUSES)[number];

export function isMailStatus(value: string): value is MailStatus {
  return (MAIL_STATUSES as readonly string[]).includes(value);
}

export function mailStatusVariant(status: string): "neutral" | "success" | "danger" | "info" {
  switch (status) {
    case "sent":
      return "success";
    case "failed":
      return "danger";
    case "caught":
      return "info";
    default:
      return "neutral";
  }
}
