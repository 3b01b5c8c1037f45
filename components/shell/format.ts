/** "Ada Lovelace" → "AL"; falls back to the email's first letter. */
export function initials(name: string, email: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const first = parts.at(0)?.charAt(0) ?? "";
  const last = parts.length > 1 ? (parts.at(-1)?.charAt(0) ?? "") : "";
  return (first + last || email.charAt(0) || "?").toUpperCase();
}
