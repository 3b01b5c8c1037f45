// Mail statuses and their presentation on the Outbox page, safe to import from client components.
export const MAIL_STATUSES = ["caught", "sent", "failed"] as const;
export type MailStatus = (typeof MAIL_STATUSES)[number];

export const MAIL_STATUS_LABELS: Record<MailStatus, string> = {
  caught: "Caught",
  sent: "Sent",
  failed: "Failed",
};

/** What each status means, for the page's legend and tooltips. */
export const MAIL_STATUS_HELP: Record<MailStatus, string> = {
  caught: "Stored here only: no SMTP server is configured (SMTP_URL), so nobody was mailed.",
  sent: "Accepted by the SMTP server.",
  failed: "The SMTP server refused it or could not be reached; the error says why.",
};

export function isMailStatus(value: string): value is MailStatus {
  return (MAIL_STATUSES as readonly string[]).includes(value);
}

export function mailStatusLabel(status: string): string {
  return isMailStatus(status) ? MAIL_STATUS_LABELS[status] : status;
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
