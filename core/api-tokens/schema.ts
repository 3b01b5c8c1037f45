// What a user enters to create an API token: a name to recognise it by and how long it lives.
import { z } from "zod";

export const EXPIRY_CHOICES = [
  { value: "30", label: "30 days" },
  { value: "90", label: "90 days" },
  { value: "365", label: "1 year" },
  { value: "never", label: "Never" },
] as const;
export type ExpiryChoice = (typeof EXPIRY_CHOICES)[number]["value"];

export const createTokenInput = z.object({
  name: z.string().trim().min(1, "Give the token a name, e.g. the script that will use it").max(100, "At most 100 characters"),
  expiresIn: z.enum(EXPIRY_CHOICES.map((c) => c.value) as [ExpiryChoice, ...ExpiryChoice[]], { message: "Choose when the token expires" }),
});
export type CreateTokenInput = z.input<typeof createTokenInput>;
export type CreateTokenData = z.output<typeof createTokenInput>;

/** The expiry instant of a choice made at `now`; null for "never". */
export function expiryDate(choice: ExpiryChoice, now = new Date()): Date | null {
  if (choice === "never") return null;
  return new Date(now.getTime() + Number(choice) * 24 * 60 * 60 * 1000);
}
