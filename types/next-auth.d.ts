import type { DefaultSession } from "next-auth";

declare module "next-auth" {
  interface Session {
    user: { id: string } & DefaultSession["user"];
    /** The organization the user is acting in; null when the user has no active membership. */
    organizationId: string | null;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    organizationId?: string | null;
  }
}
